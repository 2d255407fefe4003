package cn.jincheng.brigades.gateway.imports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of an import file: the field it fills, its Chinese heading (the English field name is
 * accepted too), whether it is required, its type and, for a choice, the accepted words (Chinese or
 * the API's enum name) with the value each stands for.
 */
record ImportColumn(String field, String heading, boolean required, Type type, Map<String, String> choices,
        String hint, java.util.List<String> formerHeadings) {

    ImportColumn {
        formerHeadings = java.util.List.copyOf(formerHeadings);
    }

    ImportColumn(String field, String heading, boolean required, Type type, Map<String, String> choices, String hint) {
        this(field, heading, required, type, choices, hint, java.util.List.of());
    }

    /** The same column, also recognised by a heading of earlier templates (files filled in before a rename). */
    ImportColumn formerly(String... headings) {
        return new ImportColumn(field, heading, required, type, choices, hint, java.util.List.of(headings));
    }

    enum Type { TEXT, WHOLE_NUMBER, DATE, CHOICE }

    static ImportColumn text(String field, String heading, boolean required, String hint) {
        return new ImportColumn(field, heading, required, Type.TEXT, Map.of(), hint);
    }

    static ImportColumn wholeNumber(String field, String heading, boolean required, String hint) {
        return new ImportColumn(field, heading, required, Type.WHOLE_NUMBER, Map.of(), hint);
    }

    static ImportColumn date(String field, String heading, boolean required, String hint) {
        return new ImportColumn(field, heading, required, Type.DATE, Map.of(), hint);
    }

    /** @param pairs enum name, Chinese word, enum name, Chinese word, ... */
    static ImportColumn choice(String field, String heading, boolean required, String... pairs) {
        Map<String, String> choices = new LinkedHashMap<>();
        StringBuilder hint = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            choices.put(pairs[i], pairs[i]);
            choices.put(pairs[i + 1], pairs[i]);
            hint.append(i == 0 ? "" : "、").append(pairs[i + 1]).append("（").append(pairs[i]).append("）");
        }
        return new ImportColumn(field, heading, required, Type.CHOICE, choices, hint.toString());
    }

    boolean heads(String cell) {
        String h = cell.strip();
        return h.equals(heading) || h.equalsIgnoreCase(field) || formerHeadings.contains(h);
    }
}
