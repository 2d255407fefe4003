#!/usr/bin/env python3
"""Copies the OpenAPI schema of every served version of the given CustomResourceDefinition files
to schemas/<group>/<version>/<Kind>.json, and records where each came from in schemas/sources.json.

    python3 import-crds.py PROJECT RELEASE LICENCE ORIGIN CRD.yaml...

PROJECT/RELEASE/LICENCE/ORIGIN describe the upstream release the CRD files were taken from; the
schemas are specification data (the API the operator accepts), stored so that validation is offline.
"""
import json
import pathlib
import sys

import yaml

here = pathlib.Path(__file__).resolve().parent / "schemas"
project, release, licence, origin, *files = sys.argv[1:]
sources_file = here / "sources.json"
sources = json.loads(sources_file.read_text()) if sources_file.exists() else []
for file in files:
    for crd in yaml.safe_load_all(pathlib.Path(file).read_text()):
        if not crd or crd.get("kind") != "CustomResourceDefinition":
            continue
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if not version.get("served", True):
                continue
            target = here / group / version["name"] / f"{kind}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(version["schema"]["openAPIV3Schema"], ensure_ascii=False, sort_keys=True) + "\n")
            sources = [s for s in sources if (s["group"], s["version"], s["kind"]) != (group, version["name"], kind)]
            sources.append({"group": group, "version": version["name"], "kind": kind, "project": project,
                            "release": release, "licence": licence, "origin": origin,
                            "file": pathlib.Path(file).name})
sources.sort(key=lambda s: (s["group"], s["version"], s["kind"]))
sources_file.write_text(json.dumps(sources, indent=2, ensure_ascii=False) + "\n")
