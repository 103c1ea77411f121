"""Small files of the formats briefbot reads, made in the tests themselves (never read from ../shared)."""
from __future__ import annotations

import io
from pathlib import Path


def folder_of(folder: Path, files: dict[str, bytes]) -> Path:
    """A folder made with these files (name → bytes)."""
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def pdf(pages: list[list[str]], title: str | None = None, created: str | None = None) -> bytes:
    """A PDF whose pages hold these lines of text (an empty page: no text layer, as a scan)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        if not lines:
            continue
        shown = " ".join(f"({_escaped(line)}) Tj T*" if line else "T*" for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    meta = {}
    if title:
        meta["/Title"] = title
    if created:
        meta["/CreationDate"] = created
    if meta:
        writer.add_metadata(meta)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _escaped(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def docx(paragraphs: list[str], title: str | None = None, heading: str | None = None, dated: bool = True) -> bytes:
    """A Word file: an optional first heading, then the paragraphs; `title` in its properties (and
    the date python-docx's template was made, unless not `dated`)."""
    import docx as python_docx
    document = python_docx.Document()
    if not dated:
        properties = document.core_properties._element
        properties.remove(properties.find("{http://purl.org/dc/terms/}created"))
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.title = title or ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
