#!/usr/bin/python3
"""Recalculate an .xlsx in headless LibreOffice Calc and read or write cells: a JSON job on stdin,
a JSON result on stdout. Run with the Debian python, the one that has `uno`:

    echo '{"file": "/abs/book.xlsx", "steps": [{"get": ["VfM_NPV"]}]}' | /usr/bin/python3 test/libreoffice/calc.py

Steps, run in order (the workbook is recalculated with calculateAll() once after loading and
again after every `set`):

    {"get": [REF, ...]}        -> {REF: value}   a single cell gives its value (number, string, null for
                                                 empty, {"error": "#DIV/0!", "code": 532} for an error);
                                                 a range gives a 2-D array of such values (rows of columns)
    {"set": {REF: VALUE}}      -> null           VALUE: number, string (stored as text), true/false
                                                 (stored as 1/0), or {"date": "YYYY-MM-DD"} (the date serial)
    {"cellTypes": [REF, ...]}  -> {REF: "formula" | "text" | "value" | "empty"}  (2-D array for a range)
    {"charts": [SHEET, ...]}   -> {SHEET: [{"title", "ranges": ["Sheet!A1:B2", ...]}]}  the charts Calc loaded
    {"describe": [REF, ...]}   -> {REF: {"content", "result", "value", "display", "formula"}}  (single cells;
                                                 result: number|boolean|text|error|empty; formula in
                                                 Excel syntax, or null when the cell holds none)
    {"print": [SHEET, ...]}    -> {SHEET: {"paper": [w, h] (1/100 mm), "landscape", "pagesWide", "pagesHigh",
                                   "areas": ["A1:H82"], "titleRows": [first, last] or null (1-based),
                                   "manualBreaks": [row, ...] (1-based, the row each stands above)}}
                                                 how Calc reads each sheet's print set-up
    {"pdf": PATH}              -> null           exports the workbook as Calc prints it (every sheet, each
                                                 by its own page set-up) to a PDF at PATH
    {"save": PATH}             -> null           saves the workbook, as calculated, as an .xlsx at PATH

REF is a workbook-level defined name (`VfM_NPV`, any case) or a sheet-qualified A1 reference
(`'VfM Scenarios'!C5`, `Costs!$B$2:$C$9`).

Result: {"ok": true, "results": [...one per step...]}, or {"ok": false, "error": "..."} and exit 1.
"""

import datetime
import json
import os
import re
import sys
import traceback

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import Office, OfficeError, exit_cleanly_on_signals  # noqa: E402

from com.sun.star.sheet.AddressConvention import XL_A1  # noqa: E402
from com.sun.star.sheet.FormulaLanguage import XL_ENGLISH  # noqa: E402
from com.sun.star.sheet.FormulaMapGroup import ALL_EXCEPT_SPECIAL  # noqa: E402
from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT, VALUE  # noqa: E402

# com.sun.star.sheet.FormulaResult
FORMULA_RESULT_VALUE = 1
FORMULA_RESULT_STRING = 2
FORMULA_RESULT_ERROR = 4

# com.sun.star.sheet.CellFlags
CELL_VALUE = 1
CELL_DATETIME = 2
CELL_STRING = 4
CELL_FORMULA = 16

MAX_RANGE_CELLS = 1_000_000
DEFAULT_DEADLINE = float(os.environ.get("VFM_CALC_TIMEOUT", "240"))


class JobError(Exception):
    """A problem with the job or a reference in it, reported as it is."""


# -- references ----------------------------------------------------------------------------------

CELL = r"\$?[A-Za-z]{1,3}\$?[0-9]{1,7}"
A1_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!:\s][^'!]*))!(" + CELL + r"(?::" + CELL + r")?)$")


class Resolver:
    def __init__(self, doc):
        self.doc = doc
        self.sheets = doc.getSheets()
        self.names = doc.NamedRanges

    def range(self, ref):
        """The XCellRange a reference or workbook-level name points to."""
        if not isinstance(ref, str) or not ref.strip():
            raise JobError(f"a reference must be a non-empty string, got {json.dumps(ref)}")
        if "!" in ref:
            return self._a1(ref)
        return self._name(ref)

    def _a1(self, ref):
        m = A1_REF.match(ref.strip())
        if not m:
            raise JobError(f"not a sheet-qualified A1 reference: {ref!r} (write 'Sheet Name'!C5 or Sheet!A1:B2)")
        sheet_name = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
        if not self.sheets.hasByName(sheet_name):
            raise JobError(f"unknown sheet {sheet_name!r} in reference {ref!r}; sheets are: "
                           + ", ".join(repr(n) for n in self.sheets.getElementNames()))
        sheet = self.sheets.getByName(sheet_name)
        try:
            return sheet.getCellRangeByName(m.group(3).replace("$", ""))
        except Exception as e:  # IllegalArgumentException / RuntimeException past the last column or row
            raise JobError(f"reference {ref!r} is outside the sheet: {uno_message(e)}")

    def _name(self, name):
        found = None
        if self.names.hasByName(name):
            found = name
        else:
            for candidate in self.names.getElementNames():
                if candidate.lower() == name.lower():  # Excel names are case-insensitive
                    found = candidate
                    break
        if found is None:
            local = self._sheet_local(name)
            if local:
                raise JobError(f"unknown workbook-level name {name!r}: it is defined only local to sheet(s) "
                               + ", ".join(repr(s) for s in local))
            hint = ""
            if re.fullmatch(CELL + "(?::" + CELL + ")?", name):
                hint = "; a cell reference needs its sheet, as in 'Sheet Name'!" + name
            raise JobError(f"unknown name {name!r} (not a workbook-level defined name, and not a "
                           f"sheet-qualified reference){hint}")
        named = self.names.getByName(found)
        cells = named.getReferredCells()
        if cells is None:
            raise JobError(f"name {name!r} does not refer to cells: its content is {named.getContent()!r}")
        return cells

    def _sheet_local(self, name):
        out = []
        for sheet_name in self.sheets.getElementNames():
            sheet = self.sheets.getByName(sheet_name)
            local = getattr(sheet, "NamedRanges", None)
            if local is None:
                continue
            if any(n.lower() == name.lower() for n in local.getElementNames()):
                out.append(sheet_name)
        return out

    def cell(self, ref):
        """The single cell a reference points to; an error for a multi-cell range."""
        rng = self.range(ref)
        rows, cols = shape(rng)
        if rows != 1 or cols != 1:
            raise JobError(f"{ref!r} refers to {rows}x{cols} cells, not one cell")
        return rng.getCellByPosition(0, 0)


def shape(rng):
    a = rng.getRangeAddress()
    return a.EndRow - a.StartRow + 1, a.EndColumn - a.StartColumn + 1


def map_cells(ref, rng, fn, bulk):
    """fn(cell) for a single cell, or a 2-D list (rows of columns) for a range, read by
    bulk(rng, rows, cols) in a few UNO calls rather than several per cell."""
    rows, cols = shape(rng)
    if rows == 1 and cols == 1:
        return fn(rng.getCellByPosition(0, 0))
    if rows * cols > MAX_RANGE_CELLS:
        raise JobError(f"{ref!r} covers {rows * cols} cells; at most {MAX_RANGE_CELLS} can be read at once")
    return bulk(rng, rows, cols)


def each_cell(rng, ranges):
    """(row, col) relative to rng of every cell in an XSheetCellRanges found inside rng."""
    base = rng.getRangeAddress()
    for a in ranges.getRangeAddresses():
        for r in range(a.StartRow, a.EndRow + 1):
            for c in range(a.StartColumn, a.EndColumn + 1):
                yield r - base.StartRow, c - base.StartColumn


def bulk_values(rng, rows, cols):
    # getDataArray gives numbers and strings (and "" for an empty cell and for an error),
    # so empties and errors are found by query and patched in.
    out = [[number(v) if isinstance(v, float) else v for v in row] for row in rng.getDataArray()]
    for r, c in each_cell(rng, rng.queryEmptyCells()):
        out[r][c] = None
    for r, c in each_cell(rng, rng.queryFormulaCells(FORMULA_RESULT_ERROR)):
        out[r][c] = error_of(rng.getCellByPosition(c, r))
    return out


def bulk_content_types(rng, rows, cols):
    out = [["empty"] * cols for _ in range(rows)]
    for flags, kind in ((CELL_VALUE | CELL_DATETIME, "value"), (CELL_STRING, "text"), (CELL_FORMULA, "formula")):
        for r, c in each_cell(rng, rng.queryContentCells(flags)):
            out[r][c] = kind
    return out


# -- cells ---------------------------------------------------------------------------------------

def content_type(cell):
    t = cell.getType()
    if t == FORMULA:
        return "formula"
    if t == TEXT:
        return "text"
    if t == VALUE:
        return "value"
    if t == EMPTY:
        return "empty"
    return str(t.value).lower()


def error_of(cell):
    code = cell.getError()
    # getString() is what Calc shows: "#DIV/0!", "#VALUE!", "#N/A", "Err:502", ...
    return {"error": cell.getString() or f"Err:{code}", "code": code}


def number(v):
    return int(v) if float(v).is_integer() and abs(v) < 2 ** 53 else v


def value_of(cell):
    t = cell.getType()
    if t == EMPTY:
        return None
    if t == TEXT:
        return cell.getString()
    if t == VALUE:
        return number(cell.getValue())
    # A formula.
    if cell.getError() != 0:
        return error_of(cell)
    result = cell.FormulaResultType2
    if result == FORMULA_RESULT_ERROR:
        return error_of(cell)
    if result == FORMULA_RESULT_STRING:
        return cell.getString()
    return number(cell.getValue())


def result_kind(cell):
    """number | boolean | text | error | empty: what the cell evaluates to.

    Calc has no boolean type: TRUE is the number 1 shown with a boolean format. A number cell
    whose display is TRUE or FALSE (the display locale is pinned to C/en-US) is called boolean."""
    t = cell.getType()
    if t == EMPTY:
        return "empty"
    if t == TEXT:
        return "text"
    if t == FORMULA:
        if cell.getError() != 0 or cell.FormulaResultType2 == FORMULA_RESULT_ERROR:
            return "error"
        if cell.FormulaResultType2 == FORMULA_RESULT_STRING:
            return "text"
    v = cell.getValue()
    if v in (0.0, 1.0) and cell.getString() in ("TRUE", "FALSE"):
        return "boolean"
    return "number"


class FormulaPrinter:
    """A formula as Excel writes it (`=IF(SUM('VfM Scenarios'!B4:B9)>0,"OK","FAIL")`), not in
    Calc's API syntax (`=IF(SUM($'VfM Scenarios'.B4:B9)>0;"OK";"FAIL")`, add-in functions as
    COM.SUN.STAR.SHEET.ADDIN.ANALYSIS.GETEDATE). Booleans still print as TRUE() and FALSE()."""

    def __init__(self, doc):
        self.doc = doc
        self.parser = None

    def __call__(self, cell):
        try:
            if self.parser is None:
                mapper = self.doc.createInstance("com.sun.star.sheet.FormulaOpCodeMapper")
                parser = self.doc.createInstance("com.sun.star.sheet.FormulaParser")
                parser.OpCodeMap = mapper.getAvailableMappings(XL_ENGLISH, ALL_EXCEPT_SPECIAL)
                parser.FormulaConvention = XL_A1
                self.parser = parser
            return "=" + self.parser.printFormula(cell.getTokens(), cell.getCellAddress())
        except Exception:
            return cell.getFormula()


def describe(cell, print_formula):
    return {
        "content": content_type(cell),
        "result": result_kind(cell),
        "value": value_of(cell),
        "display": cell.getString(),
        "formula": print_formula(cell) if cell.getType() == FORMULA else None,
    }


def range_text(doc, address):
    """A cell range address as Sheet!A1:B2 (the sheet by its name)."""
    sheet = doc.Sheets.getByIndex(address.Sheet).Name

    def a1(column, row):
        letters = ""
        column += 1
        while column:
            column, rest = divmod(column - 1, 26)
            letters = chr(65 + rest) + letters
        return f"{letters}{row + 1}"
    return f"{sheet}!{a1(address.StartColumn, address.StartRow)}:{a1(address.EndColumn, address.EndRow)}"


# -- steps ---------------------------------------------------------------------------------------

class Job:
    def __init__(self, doc):
        self.doc = doc
        self.refs = Resolver(doc)
        self.print_formula = FormulaPrinter(doc)
        null = doc.NullDate
        self.null_date = datetime.date(null.Year, null.Month, null.Day)

    def run(self, steps):
        self.doc.calculateAll()
        return [self.step(i, step) for i, step in enumerate(steps)]

    def step(self, i, step):
        if not isinstance(step, dict) or len(step) != 1:
            raise JobError(f"step {i}: a step is an object with exactly one of get, set, cellTypes, describe")
        (kind, arg), = step.items()
        if kind in ("get", "cellTypes", "describe"):
            if not isinstance(arg, list):
                raise JobError(f"step {i}: {kind} takes a list of references")
            out = {}
            for ref in arg:
                if kind == "describe":
                    out[ref] = describe(self.refs.cell(ref), self.print_formula)
                elif kind == "get":
                    out[ref] = map_cells(ref, self.refs.range(ref), value_of, bulk_values)
                else:
                    out[ref] = map_cells(ref, self.refs.range(ref), content_type, bulk_content_types)
            return out
        if kind == "charts":
            if not isinstance(arg, list):
                raise JobError(f"step {i}: charts takes a list of sheet names")
            return {name: self.charts(name) for name in arg}
        if kind == "set":
            if not isinstance(arg, dict):
                raise JobError(f"step {i}: set takes an object of reference: value")
            for ref, value in arg.items():
                self.write(ref, value)
            self.doc.calculateAll()
            return None
        if kind == "print":
            if not isinstance(arg, list):
                raise JobError(f"step {i}: print takes a list of sheet names")
            return {name: self.print_set_up(name) for name in arg}
        if kind == "pdf":
            if not isinstance(arg, str):
                raise JobError(f"step {i}: pdf takes the path of the PDF to write")
            self.pdf(arg)
            return None
        if kind == "save":
            if not isinstance(arg, str):
                raise JobError(f"step {i}: save takes the path of the .xlsx to write")
            self.save(arg)
            return None
        raise JobError(f"step {i}: unknown step {kind!r} (expected get, set, cellTypes, describe, charts, print, pdf or save)")

    def save(self, path):
        """Saves the workbook as calculated, as Excel 2007-365 .xlsx, as a user saving it in Calc would."""
        import uno
        from com.sun.star.beans import PropertyValue
        prop = PropertyValue()
        prop.Name, prop.Value = "FilterName", "Calc MS Excel 2007 XML"
        self.doc.calculateAll()
        self.doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (prop,))

    def print_set_up(self, name):
        """A sheet's print set-up as Calc loaded it: its page style, print areas, title rows and manual breaks."""
        sheets = self.doc.Sheets
        if not sheets.hasByName(name):
            raise JobError(f"print: no sheet {name!r}")
        sheet = sheets.getByName(name)
        style = self.doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
        areas = [range_text(self.doc, a).split("!")[-1].replace("$", "") for a in sheet.getPrintAreas()]
        titles = sheet.getTitleRows() if sheet.getPrintTitleRows() else None
        self.doc.calculateAll()
        breaks = [b.Position + 1 for b in sheet.getRowPageBreaks() if b.ManualBreak]
        return {
            "paper": [style.Width, style.Height],
            "landscape": bool(style.IsLandscape),
            "pagesWide": style.ScaleToPagesX,
            "pagesHigh": style.ScaleToPagesY,
            "areas": areas,
            "titleRows": [titles.StartRow + 1, titles.EndRow + 1] if titles is not None else None,
            "manualBreaks": breaks,
        }

    def pdf(self, path):
        """Exports the workbook to PDF as Calc prints it: every sheet, each by its own page set-up."""
        import uno
        from office import props
        self.doc.calculateAll()
        self.doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                            props(FilterName="calc_pdf_Export", FilterData=props(ExportNotes=False)))

    def charts(self, name):
        """The sheet's charts as Calc loaded them: each one's title and the cell ranges it draws from."""
        sheets = self.doc.Sheets
        if not sheets.hasByName(name):
            raise JobError(f"charts: no sheet {name!r}")
        found = []
        table_charts = sheets.getByName(name).getCharts()
        for chart_name in table_charts.getElementNames():
            chart = table_charts.getByName(chart_name)
            document = chart.getEmbeddedObject()
            title = document.getTitle().String if document.HasMainTitle else None
            ranges = [range_text(self.doc, r) for r in chart.getRanges()]
            found.append({"title": title, "ranges": ranges})
        return found

    def write(self, ref, value):
        cell = self.refs.cell(ref)
        if isinstance(value, bool):
            cell.setValue(1.0 if value else 0.0)
        elif isinstance(value, (int, float)):
            cell.setValue(float(value))
        elif isinstance(value, str):
            cell.setString(value)
        elif isinstance(value, dict) and set(value) == {"date"} and isinstance(value["date"], str):
            cell.setValue(float(self.serial(ref, value["date"])))
        else:
            raise JobError(f"cannot set {ref!r} to {json.dumps(value)}: give a number, a string, "
                           'true/false or {"date": "YYYY-MM-DD"}')

    def serial(self, ref, text):
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        try:
            if not m:
                raise ValueError("not YYYY-MM-DD")
            day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as e:
            raise JobError(f"cannot set {ref!r}: bad date {text!r} ({e})")
        return (day - self.null_date).days


# -- main ----------------------------------------------------------------------------------------

def uno_message(e):
    return getattr(e, "Message", None) or str(e) or type(e).__name__


def read_job():
    raw = sys.stdin.read()
    try:
        job = json.loads(raw)
    except json.JSONDecodeError as e:
        raise JobError(f"the job on stdin is not JSON: {e}")
    if not isinstance(job, dict) or not isinstance(job.get("file"), str) or not isinstance(job.get("steps"), list):
        raise JobError('the job must be {"file": "/abs/path.xlsx", "steps": [...]}')
    return job


def main():
    # Whatever soffice or pyuno might print goes to stderr; stdout carries only the result.
    result_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    exit_cleanly_on_signals()
    office = None
    try:
        job = read_job()
        office = Office(deadline=DEFAULT_DEADLINE)
        with office:
            doc = office.load(job["file"])
            results = Job(doc).run(job["steps"])
        out, code = {"ok": True, "results": results}, 0
    except Exception as e:  # UNO exceptions among them
        if office is not None and office.timed_out:
            msg = f"LibreOffice did not finish within {DEFAULT_DEADLINE:g} s (VFM_CALC_TIMEOUT); it was killed"
        elif isinstance(e, (JobError, OfficeError)):
            msg = str(e)
        else:
            msg = f"{type(e).__name__}: {uno_message(e)}"
            traceback.print_exc()
        out, code = {"ok": False, "error": msg}, 1
    except SystemExit as e:
        out, code = {"ok": False, "error": f"stopped by a signal (exit {e.code})"}, e.code if isinstance(e.code, int) else 1
    with os.fdopen(result_fd, "w") as f:
        json.dump(out, f)
        f.write("\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
