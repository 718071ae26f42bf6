#!/usr/bin/python3
"""Render a workbook's sheets as a finance officer would print them: one PDF per sheet from headless
LibreOffice Calc (recalculated first), A4 landscape, scaled to fit the page width, then PNG pages
by pdftoppm at 110 dpi. Prints the PNG paths, one a line.

    /usr/bin/python3 scripts/render-sheets.py INPUT.xlsx OUTDIR [--sheets "VfM Scenarios,VfM Audit"] [--grid] [--keep-pdf]

(or `npx tsx scripts/render-sheets.ts ...`). A sheet "VfM Scenarios" gives OUTDIR/VfM-Scenarios-1.png,
-2.png, ... An empty sheet prints nothing and gives no PNG (said on stderr); a sheet hidden in the
workbook is rendered all the same (also said). Print ranges set in the workbook are respected.
Dates and numbers are formatted for the en-GB locale (01/04/2013). The input file is never changed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "libreoffice"))

from office import Office, OfficeError, exit_cleanly_on_signals, props  # noqa: E402

import uno  # noqa: E402

A4_LANDSCAPE = (29700, 21000)  # 1/100 mm
DPI = "110"


def slug(name):
    s = re.sub(r"[^A-Za-z0-9_]+", "-", name).strip("-")
    return s or "sheet"


def parse_args(argv):
    p = argparse.ArgumentParser(description="Render workbook sheets to PNG pages via LibreOffice.")
    p.add_argument("input")
    p.add_argument("outdir")
    p.add_argument("--sheets", help="comma-separated sheet names (default: every sheet)")
    p.add_argument("--grid", action="store_true", help="print cell gridlines")
    p.add_argument("--keep-pdf", action="store_true", help="keep each sheet's PDF in OUTDIR too")
    return p.parse_args(argv)


def set_up_page(doc, sheet, grid):
    styles = doc.getStyleFamilies().getByName("PageStyles")
    style = styles.getByName(sheet.PageStyle)
    style.IsLandscape = True
    style.Width, style.Height = A4_LANDSCAPE
    style.ScaleToPagesX = 1  # fit the width on one page...
    style.ScaleToPagesY = 0  # ...and as many pages down as it takes
    style.PrintGrid = bool(grid)


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    # An empty sheet's used area ends at A1, and A1 is empty.
    if a.EndRow == 0 and a.EndColumn == 0 and sheet.getCellByPosition(0, 0).getType().value == "EMPTY":
        return None
    return a


def export_sheet(doc, sheet_name, pdf_path):
    sheets = doc.getSheets()
    target = sheets.getByName(sheet_name)
    was_visible = {n: sheets.getByName(n).IsVisible for n in sheets.getElementNames()}
    target.IsVisible = True
    controller = doc.getCurrentController()
    if controller is not None:
        controller.setActiveSheet(target)
    try:
        # Hidden sheets are not printed, so hiding the others leaves this one alone in the PDF.
        for n in sheets.getElementNames():
            if n != sheet_name:
                sheets.getByName(n).IsVisible = False
        filter_data = props(ExportNotes=False)
        doc.storeToURL(uno.systemPathToFileUrl(pdf_path),
                       props(FilterName="calc_pdf_Export", FilterData=filter_data))
    finally:
        for n, visible in was_visible.items():
            sheets.getByName(n).IsVisible = visible


def to_png(pdf_path, outdir, base):
    for old in os.listdir(outdir):
        if re.fullmatch(re.escape(base) + r"-\d+\.png", old):
            os.remove(os.path.join(outdir, old))
    subprocess.run(["pdftoppm", "-png", "-r", DPI, pdf_path, os.path.join(outdir, base)],
                   check=True, timeout=300)
    pages = [f for f in os.listdir(outdir) if re.fullmatch(re.escape(base) + r"-\d+\.png", f)]
    pages.sort(key=lambda f: int(f[len(base) + 1:-4]))
    return [os.path.join(outdir, f) for f in pages]


def main(argv):
    args = parse_args(argv)
    exit_cleanly_on_signals()
    if shutil.which("pdftoppm") is None:
        print("render-sheets: pdftoppm not found (apt-get install poppler-utils)", file=sys.stderr)
        return 2
    outdir = os.path.abspath(args.outdir)
    os.makedirs(outdir, exist_ok=True)
    pngs = []
    work = tempfile.mkdtemp(prefix="vfm-render-")
    try:
        with Office(deadline=600) as office:
            doc = office.load(args.input)
            doc.calculateAll()
            names = list(doc.getSheets().getElementNames())
            wanted = [s.strip() for s in args.sheets.split(",") if s.strip()] if args.sheets else names
            unknown = [s for s in wanted if s not in names]
            if unknown:
                raise OfficeError("no sheet " + ", ".join(repr(s) for s in unknown)
                                  + " in the workbook; sheets are: " + ", ".join(repr(n) for n in names))
            bases = {}
            for name in wanted:
                base = slug(name)
                if base in bases.values():  # two names that slug alike
                    base = f"{base}-{len(bases) + 1}"
                bases[name] = base
            for name in wanted:
                sheet = doc.getSheets().getByName(name)
                if used_area(sheet) is None:
                    print(f"render-sheets: sheet {name!r} is empty; nothing to print", file=sys.stderr)
                    continue
                if not sheet.IsVisible:
                    print(f"render-sheets: sheet {name!r} is hidden in the workbook; rendering it anyway",
                          file=sys.stderr)
                set_up_page(doc, sheet, args.grid)
                pdf = os.path.join(work, bases[name] + ".pdf")
                export_sheet(doc, name, pdf)
                if not os.path.isfile(pdf) or os.path.getsize(pdf) == 0:
                    raise OfficeError(f"LibreOffice wrote no PDF for sheet {name!r}")
                if args.keep_pdf:
                    shutil.copyfile(pdf, os.path.join(outdir, bases[name] + ".pdf"))
                pages = to_png(pdf, outdir, bases[name])
                if not pages:
                    raise OfficeError(f"pdftoppm made no PNG for sheet {name!r}")
                pngs.extend(pages)
    except (OfficeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        print(f"render-sheets: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # UNO exceptions among them
        print(f"render-sheets: {type(e).__name__}: {getattr(e, 'Message', None) or e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for png in pngs:
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
