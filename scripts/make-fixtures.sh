#!/bin/sh
# Makes the spreadsheet fixtures of tests/fixtures/ with a real spreadsheet application (LibreOffice), so
# that the reader is tested on files exceljs did not write. The produced .xlsx files are committed: run this
# again only to change them (LibreOffice 7.4 made the current ones), then check `git diff --stat`.
#
#   sh scripts/make-fixtures.sh
#
# - libreoffice-candidats.xlsx: from a messy CSV (title line above the header, accents, dates typed
#   dd/mm/yyyy read as real dates, échelon and phone numbers kept as text, a number with a decimal comma).
# - libreoffice-classeur.xlsx: from a flat OpenDocument file (.fods) written below: a notes sheet first,
#   a "Candidatures" sheet with a merged title (A1:G1), a cell merged over two rows, a date, a formula with
#   its cached result, rich text, a hyperlink, numbers stored as text; and a hidden sheet.
set -eu
cd "$(dirname "$0")/.."
OUT=tests/fixtures
WORK=$(mktemp -d)
PROFILE=$(mktemp -d)
trap 'rm -rf "$WORK" "$PROFILE"' EXIT
SOFFICE="soffice -env:UserInstallation=file://$PROFILE --headless --norestore"

cat > "$WORK/libreoffice-candidats.csv" <<'CSV'
Liste des candidatures reçues — session 2026;;;;;;
Nom;Prénom;Date de naissance;Discipline;Échelon;Téléphone;Ancienneté (ans)
Durand;Élodie;15/03/1982;Lettres modernes;07;06 12 34 56 78;12,5
N'Guessan;Aïssatou;01/12/1990;Mathématiques;03;0712345678;4
"Lefèvre-Müller";"François, dit « Fanfan »";29/02/1988;Éducation physique et sportive;10;+33 6 98 76 54 32;20
CSV
# Import options: ';' separated, '"' quoted, UTF-8, from line 1; column 3 as DD/MM/YY (4), columns 5 and 6
# as text (2); French locale (1036) for the decimal comma.
$SOFFICE --infilter="Text - txt - csv (StarCalc):59,34,76,1,3/4/5/2/6/2,1036" --convert-to xlsx --outdir "$OUT" "$WORK/libreoffice-candidats.csv"

cat > "$WORK/libreoffice-classeur.fods" <<'FODS'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
  <office:automatic-styles>
    <number:date-style style:name="N37">
      <number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>
    </number:date-style>
    <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N37"/>
    <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
    <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
    <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  </office:automatic-styles>
  <office:body>
    <office:spreadsheet>
      <table:table table:name="Notes" table:style-name="ta1">
        <table:table-row><table:table-cell office:value-type="string"><text:p>Fichier reçu du rectorat le 2 juin.</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell office:value-type="string"><text:p>Les candidatures sont sur la deuxième feuille.</text:p></table:table-cell></table:table-row>
      </table:table>
      <table:table table:name="Candidatures" table:style-name="ta1">
        <table:table-row>
          <table:table-cell table:number-columns-spanned="7" table:number-rows-spanned="1" office:value-type="string"><text:p>Commission de recrutement — candidatures 2026</text:p></table:table-cell>
          <table:covered-table-cell table:number-columns-repeated="6"/>
        </table:table-row>
        <table:table-row><table:table-cell table:number-columns-repeated="7"/></table:table-row>
        <table:table-row>
          <table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Prénom</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Date de naissance</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Discipline</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Échelon</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Courriel</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Longueur du nom</text:p></table:table-cell>
        </table:table-row>
        <table:table-row>
          <table:table-cell office:value-type="string"><text:p>Durand</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Élodie</text:p></table:table-cell>
          <table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="1982-03-15"><text:p>15/03/1982</text:p></table:table-cell>
          <table:table-cell table:number-rows-spanned="2" table:number-columns-spanned="1" office:value-type="string"><text:p>Lettres modernes</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>07</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p><text:a xlink:type="simple" xlink:href="mailto:elodie.durand@ac-exemple.fr">elodie.durand@ac-exemple.fr</text:a></text:p></table:table-cell>
          <table:table-cell table:formula="of:=LEN([.A4])" office:value-type="float" office:value="6"><text:p>6</text:p></table:table-cell>
        </table:table-row>
        <table:table-row>
          <table:table-cell office:value-type="string"><text:p>Martin</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Noé <text:span text:style-name="T1">(prioritaire)</text:span></text:p></table:table-cell>
          <table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="1975-11-02"><text:p>02/11/1975</text:p></table:table-cell>
          <table:covered-table-cell/>
          <table:table-cell office:value-type="float" office:value="11"><text:p>11</text:p></table:table-cell>
          <table:table-cell/>
          <table:table-cell table:formula="of:=LEN([.A5])" office:value-type="float" office:value="6"><text:p>6</text:p></table:table-cell>
        </table:table-row>
      </table:table>
      <table:table table:name="Paramètres" table:style-name="ta2">
        <table:table-row><table:table-cell office:value-type="string"><text:p>Feuille masquée</text:p></table:table-cell></table:table-row>
      </table:table>
    </office:spreadsheet>
  </office:body>
</office:document>
FODS
$SOFFICE --convert-to xlsx --outdir "$OUT" "$WORK/libreoffice-classeur.fods"
ls -l "$OUT"/libreoffice-*.xlsx
