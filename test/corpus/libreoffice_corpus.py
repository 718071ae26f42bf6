#!/usr/bin/python3
"""Write the corpus's LibreOffice workbooks into the folder given as the only argument, in one
headless soffice session (test/libreoffice/office.py). Run with the Debian python, the one with
`uno`, after openpyxl_corpus.py has written its workbooks into the same folder:

    /usr/bin/python3 test/corpus/libreoffice_corpus.py /tmp/corpus < rows.json

  libreoffice-resaved.xlsx   openpyxl-chart.xlsx opened and saved again (chart, table, comments)
  libreoffice-pivot.xlsx     Ledger, a DataPilot (pivot table) over it on Pivot, then Costs
  libreoffice-chart.xlsx     Costs, then Ledger with a bar chart of its amounts
  libreoffice-external.xlsx  Costs, then Links with formulas reading openpyxl-chart.xlsx's Costs
  libreoffice-xls.xls        openpyxl-names.xlsx saved as Excel 97
  libreoffice-ods.ods        openpyxl-names.xlsx saved as OpenDocument

The JSON on stdin gives the rows: {"seed": [[label, amount], ...], "ledger": [[...], ...]}.
Prints the names of the files written, one a line.
"""

import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "libreoffice"))

from office import Office, OfficeError, exit_cleanly_on_signals, props  # noqa: E402

import uno  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402
from com.sun.star.table import CellAddress, CellRangeAddress  # noqa: E402

XLSX = "Calc MS Excel 2007 XML"
XLS = "MS Excel 97"
ODS = "calc8"
DEADLINE = float(os.environ.get("VFM_CORPUS_TIMEOUT", "150"))


def new_calc(office):
    doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
    if doc is None:
        raise OfficeError("LibreOffice could not make a new spreadsheet")
    office.docs.append(doc)
    return doc


def sheets_named(doc, names):
    """Rename the new document's one sheet and add the others, in this order."""
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = names[0]
    for i, name in enumerate(names[1:], start=1):
        sheets.insertNewByName(name, i)
    return [sheets.getByName(n) for n in names]


def fill(sheet, rows):
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            cell = sheet.getCellByPosition(c, r)
            if isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)


def save(doc, folder, name, filter_name):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        os.remove(path)
    doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=filter_name, Overwrite=True))
    print(name)


def range_of(sheet_index, rows):
    return CellRangeAddress(Sheet=sheet_index, StartColumn=0, StartRow=0,
                            EndColumn=len(rows[0]) - 1, EndRow=len(rows) - 1)


def pivot_book(office, folder, seed, ledger_rows):
    doc = new_calc(office)
    ledger, pivot, costs = sheets_named(doc, ["Ledger", "Pivot", "Costs"])
    fill(ledger, ledger_rows)
    fill(costs, seed)
    tables = pivot.getDataPilotTables()
    desc = tables.createDataPilotDescriptor()
    desc.setSourceRange(range_of(0, ledger_rows))
    fields = desc.getDataPilotFields()
    service = fields.getByIndex(2)
    service.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
    amount = fields.getByIndex(3)
    amount.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
    amount.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
    tables.insertNewByName("LedgerByService", CellAddress(Sheet=1, Column=0, Row=0), desc)
    save(doc, folder, "libreoffice-pivot.xlsx", XLSX)


def chart_book(office, folder, seed, ledger_rows):
    doc = new_calc(office)
    costs, ledger = sheets_named(doc, ["Costs", "Ledger"])
    fill(costs, seed)
    fill(ledger, ledger_rows)
    amounts = CellRangeAddress(Sheet=1, StartColumn=2, StartRow=0, EndColumn=3, EndRow=len(ledger_rows) - 1)
    ledger.getCharts().addNewByName(
        "LedgerChart", Rectangle(X=12000, Y=500, Width=14000, Height=8000), (amounts,), True, True)
    save(doc, folder, "libreoffice-chart.xlsx", XLSX)


def external_book(office, folder, seed):
    doc = new_calc(office)
    costs, links = sheets_named(doc, ["Costs", "Links"])
    fill(costs, seed)
    source = uno.systemPathToFileUrl(os.path.join(folder, "openpyxl-chart.xlsx"))
    links.getCellByPosition(0, 0).setString("Core team, as the ledger workbook has it")
    links.getCellByPosition(1, 0).setFormula(f"='{source}'#$Costs.B4")
    links.getCellByPosition(0, 1).setString("Total, as the ledger workbook has it")
    links.getCellByPosition(1, 1).setFormula(f"='{source}'#$Costs.B10")
    doc.calculateAll()
    save(doc, folder, "libreoffice-external.xlsx", XLSX)


def main():
    if len(sys.argv) != 2:
        print("usage: libreoffice_corpus.py FOLDER < rows.json", file=sys.stderr)
        return 2
    folder = os.path.abspath(sys.argv[1])
    job = json.load(sys.stdin)
    seed, ledger_rows = job["seed"], job["ledger"]
    exit_cleanly_on_signals()
    with Office(deadline=DEADLINE) as office:
        resaved = office.load(os.path.join(folder, "openpyxl-chart.xlsx"))
        save(resaved, folder, "libreoffice-resaved.xlsx", XLSX)
        pivot_book(office, folder, seed, ledger_rows)
        chart_book(office, folder, seed, ledger_rows)
        external_book(office, folder, seed)
        names = office.load(os.path.join(folder, "openpyxl-names.xlsx"))
        save(names, folder, "libreoffice-xls.xls", XLS)
        save(names, folder, "libreoffice-ods.ods", ODS)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OfficeError as e:
        print(f"LibreOffice: {e}", file=sys.stderr)
        sys.exit(1)
