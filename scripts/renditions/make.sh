#!/bin/sh
# Renditions of the filed form made by tools that are not ours (LibreOffice), committed as fixtures:
#   form.html / form-word.html   the form as an HTML table (scripts/renditions/make_html.py)
#   *-calc.xlsx                  that HTML opened by LibreOffice Calc (its HTML filter keeps line breaks in a cell)
#   *-pasted.xlsx                that HTML imported by Calc as a web query (each line of a cell on its own row,
#                                as a Word table pasted into a sheet)
#   *.docx                       that HTML opened by LibreOffice Writer and saved as a Word document
#   nocache.xlsx                 the form written by openpyxl with SUM formulas and no cached values
#   older.xlsx, parts-only.xlsx, cover-and-two.xlsx   other real-world shapes (make_workbooks.py)
# Needs /usr/bin/python3 with python3-openpyxl and libreoffice-calc-nogui + libreoffice-writer-nogui.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/../../test/fixtures/renditions"}
profile=$(mktemp -d)
/usr/bin/python3 "$here/make_html.py" "$out"
/usr/bin/python3 "$here/make_workbooks.py" "$out"
cd "$out"
tmp=$(mktemp -d)
for f in form form-word; do
  lo() { soffice --headless "-env:UserInstallation=file://$profile" "$@"; }
  lo --infilter="HTML (StarCalc)" --convert-to xlsx --outdir "$tmp/calc" "$f.html"
  lo --infilter=calc_HTML_WebQuery --convert-to xlsx --outdir "$tmp/pasted" "$f.html"
  lo --convert-to 'docx:MS Word 2007 XML' "$f.html"
  mv "$tmp/calc/$f.xlsx" "$f-calc.xlsx"
  mv "$tmp/pasted/$f.xlsx" "$f-pasted.xlsx"
done
rm -rf "$tmp"
rm -rf "$profile"
