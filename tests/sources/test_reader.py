"""read_source on any file: text in every encoding, the kind told by the bytes, and what cannot
be read refused by name. No database. (Word, sheets, PDF and OFD: test_reader_*.py.)"""

from __future__ import annotations

import io
import zipfile

import pytest

from policy_tasks.parsing.sources import SourceError, read_source
from policy_tasks.parsing.sources import base as messages
from tests.sources import builders as b
from tests.sources import more_formats


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),  # Notepad's "Unicode": UTF-16 with a BOM
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16"],
)
def test_text_in_every_encoding_offices_save_reads_the_same(encode):
    source = read_source(encode(b.plan_text()), "方案.txt")
    assert source.kind == "text"
    assert source.blocks == b.plan_lines()


def test_a_binary_file_renamed_txt_is_refused_not_read_as_mojibake():
    for data in (b.binary_as_text(), b"\x01\x02\x03\x04" * 50 + "正文".encode()):
        with pytest.raises(SourceError, match="不是文本文件"):
            read_source(data, "方案.txt")


@pytest.mark.parametrize(
    ("make", "name", "kind"),
    [
        (b.docx_paragraphs, "方案.txt", "docx"),
        (b.pdf_plan, "方案.docx", "pdf"),
        (b.xlsx_table, "清单.xls", "xlsx"),
        (lambda: b.XLS.read_bytes(), "清单.xlsx", "xls"),
        (lambda: b.plan_text().encode(), "方案", "text"),
    ],
)
def test_the_bytes_decide_the_kind_not_the_name(make, name, kind):
    assert read_source(make(), name).kind == kind


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b.ole_with_stream("WordDocument"), "方案.doc", messages.CORRUPT_DOC),
        (b.ole_with_stream("WordDocument"), "方案.wps", messages.CORRUPT_DOC),
        (b.doc_with_fib(flags=0x0100), "方案.doc", messages.ENCRYPTED_OFFICE),
        (b.doc_with_fib(n_fib=0x0065 - 1), "方案.doc", messages.WORD95),
        (b.ole_with_stream("EncryptionInfo"), "方案.docx", messages.ENCRYPTED_OFFICE),
        (b.ole_with_stream("PowerPoint Document"), "汇报.ppt", messages.OLD_POWERPOINT),
        (b"not a zip", "方案.docx", messages.CORRUPT_DOCX),
        (b"%PDF-1.4 cut off", "方案.pdf", messages.CORRUPT_PDF),
    ],
)
def test_what_cannot_be_read_is_named(data, name, message):
    with pytest.raises(SourceError) as excinfo:
        read_source(data, name)
    assert str(excinfo.value) == message


def test_other_archives_and_images_are_refused_by_kind():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
    for data, what in [(buffer.getvalue(), ".pptx"), (b.png(), "PNG"), (b"\xff\xd8\xff\xe0" + b"\0" * 20, "JPEG")]:
        with pytest.raises(SourceError, match=what):
            read_source(data, "文件.docx")


@pytest.mark.parametrize(
    "data",
    [
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n",
        b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>',
    ],
    ids=["mht", "word-2003-xml"],
)
def test_web_archives_and_office_2003_xml_are_refused_with_what_to_do(data):
    with pytest.raises(SourceError, match="另存为"):
        read_source(data, "方案.doc")


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf", "xls", "doc", "rtf", "mht", "odt", "ods", "xml"])
def test_damaged_files_are_read_or_refused_never_an_error_of_a_library_and_print_nothing(kind, capfd):
    import random

    data = {
        "docx": b.docx_table,
        "xlsx": b.xlsx_table,
        "pdf": b.pdf_plan,
        "xls": b.XLS.read_bytes,
        "doc": b.DOC_TABLE.read_bytes,
        "rtf": more_formats.rtf_table,
        "mht": more_formats.mht_table,
        "odt": more_formats.odt_table,
        "ods": more_formats.ods_table,
        "xml": more_formats.excel_xml_table,
    }[kind]()
    rng = random.Random(kind)
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(rng.choice([1, 5, 25])):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.2:
            damaged = damaged[: rng.randrange(1, len(damaged))]
        try:
            read_source(bytes(damaged), f"damaged.{kind}")
        except SourceError as exc:
            assert "\n" not in str(exc)
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters_a_web_page_left_inside_a_name_are_dropped(invisible: str) -> None:
    from policy_tasks.parsing.document import parse_source

    text = f"某县2026年实施方案\n一、完成县道改造。(县{invisible}交通局牵头,县财政局配合)\n二、新建服务中心。(县民政局牵头)\n"
    for name, data in (
        ("a.txt", text.encode()),
        ("a.docx", b.docx_bytes(lambda d: [d.add_paragraph(line) for line in text.splitlines()])),
    ):
        tasks = parse_source(read_source(data, name), assume_year=2026).tasks
        assert tasks[0].lead_units == ["县交通局"], name
