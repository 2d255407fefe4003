package cn.jincheng.brigades.gateway.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A date in a request body is the string YYYY-MM-DD and nothing else. Jackson's own reader also
 * takes [2019,11,1], reads [] as no date at all and cuts a time off "2019-11-01T10:00": each a
 * silent guess, found by the abuse suite ({@code "expiresOn": []} stored an item without expiry).
 * Refused here as a bad date, which the problem mapper names with its field.
 */
final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

    IsoDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getString();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not a date as YYYY-MM-DD", text, LocalDate.class);
            }
        }
        throw InvalidFormatException.from(p, "a date is a string YYYY-MM-DD", null, LocalDate.class);
    }
}
