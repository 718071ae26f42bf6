#!/usr/bin/python3
"""Write the corpus's openpyxl workbooks into the folder given as the only argument:

    /usr/bin/python3 test/corpus/openpyxl_corpus.py /tmp/corpus

  openpyxl-chart.xlsx  Ledger (an Excel table, a bar chart of it, comments) before Costs
  openpyxl-names.xlsx  Costs, then Checks (conditional formats, a data validation), a hidden
                       Rates sheet, and defined names: a range, a constant (MyRate = 0.035) and
                       one scoped to the Checks sheet

The JSON on stdin gives the rows: {"seed": [[label, amount], ...], "ledger": [[...], ...]}; the
seed's cost table is written from Costs!A1 down, the ledger (a header row, then payments) from
Ledger!A1.
"""

import json
import os
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

def write_costs(ws, seed):
    for r, row in enumerate(seed, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)


def write_ledger(ws, ledger):
    for r, row in enumerate(ledger, start=1):
        for c, value in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=value)


def chart_book(seed, ledger_rows, out):
    wb = Workbook()
    ledger = wb.active
    ledger.title = "Ledger"
    write_ledger(ledger, ledger_rows)
    last = len(ledger_rows)
    table = Table(displayName="LedgerTable", ref=f"A1:D{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ledger.add_table(table)
    chart = BarChart()
    chart.title = "Payments by month"
    chart.y_axis.title = "£"
    chart.add_data(Reference(ledger, min_col=4, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ledger, min_col=1, min_row=2, max_row=last))
    ledger.add_chart(chart, "F2")
    ledger["A1"].comment = Comment("Payments as posted to the ledger", "Finance")
    ledger["D2"].comment = Comment("First quarter's instalment", "Finance")
    costs = wb.create_sheet("Costs")
    write_costs(costs, seed)
    costs["D1"].comment = Comment("From the cabinet report, section 3", "Finance")
    wb.save(out)


def names_book(seed, out):
    wb = Workbook()
    costs = wb.active
    costs.title = "Costs"
    write_costs(costs, seed)
    checks = wb.create_sheet("Checks")
    checks["A1"] = "Check"
    checks["B1"] = "Result"
    checks["C1"] = "RAG"
    checks["A2"] = "Items add up to the total"
    checks["B2"] = "=SUM(Costs!B4:B9)-Costs!B10"
    checks["C2"] = "Green"
    checks["A3"] = "Discount rate"
    checks["B3"] = "=MyRate"
    checks["C3"] = "Amber"
    red = PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid")
    checks.conditional_formatting.add(
        "B2:B3", CellIsRule(operator="notEqual", formula=["0"], fill=red, font=Font(color="9C0006")))
    rag = DataValidation(type="list", formula1='"Red,Amber,Green"', allow_blank=True)
    rag.add("C2:C3")
    checks.add_data_validation(rag)
    rates = wb.create_sheet("Rates")
    rates["A1"] = "Discount rate"
    rates["B1"] = 0.035
    rates.sheet_state = "hidden"
    wb.defined_names.append(DefinedName("CostItems", attr_text="Costs!$A$4:$B$9"))
    wb.defined_names.append(DefinedName("MyRate", attr_text="0.035"))
    checks_id = wb.sheetnames.index("Checks")
    wb.defined_names.append(DefinedName("LocalTotal", localSheetId=checks_id, attr_text="Costs!$B$10"))
    wb.save(out)


def main():
    if len(sys.argv) != 2:
        print("usage: openpyxl_corpus.py FOLDER < rows.json", file=sys.stderr)
        return 2
    folder = sys.argv[1]
    job = json.load(sys.stdin)
    seed = job["seed"]
    chart_book(seed, job["ledger"], os.path.join(folder, "openpyxl-chart.xlsx"))
    names_book(seed, os.path.join(folder, "openpyxl-names.xlsx"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
