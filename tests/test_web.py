"""The site, page by page, against a real database: the shipped corpus
(corpus/papers) plus a hostile paper whose text and file name hold markup,
and a file that fails to ingest. Pages are asked through Flask's test
client over a read-only engine, as ``minutes serve`` runs them."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from minutes.models import ingest_paths, queries
from minutes.models.db import open_readonly
from minutes.models.schema import bodies
from minutes.web.app import CSP, create_app
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError
from support import CORPUS, new_pg_database, store_corpus

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
HOSTILE_NAME = 'harbour"><b>bold<b>.docx'  # no slash: that would be a folder


def _hostile_folder(tmp: Path) -> Path:
    """A Word paper (its text is stored as written) whose title, names, item
    and action hold markup, and a file that fails to ingest."""
    import docx
    folder = tmp / "hostile"
    folder.mkdir()
    paper = docx.Document()
    paper.add_heading(f"Harbour Board {SCRIPT}", level=1)
    paper.add_paragraph("Minutes of the meeting held on 3 March 2023")
    paper.add_paragraph("Present: Ada Quill, Ben Ortiz")
    paper.add_heading(f"1. Budget {IMG}", level=2)
    paper.add_paragraph(f"Action: Ben Ortiz to review the harbour budget {SCRIPT} by 1 May 2023.")
    paper.save(folder / HOSTILE_NAME)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really a Word file")
    return folder


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, corpus_extractions) -> str:
    tmp = tmp_path_factory.mktemp("site")
    url = f"sqlite:///{tmp / 'minutes.db'}"
    engine = store_corpus(url, corpus_extractions)
    ingest_paths(engine, [_hostile_folder(tmp)])
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def site(site_url):
    engine = open_readonly(site_url)
    app = create_app(engine)
    yield app.test_client(), engine
    engine.dispose()


def page(client, url: str, code: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == code, (url, r.status_code, r.data[:300])
    return r.get_data(as_text=True)


def words(html: str) -> str:
    """The page's text, tags dropped and entities read, spaces folded."""
    import html as h
    return " ".join(h.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_home_lists_bodies_latest_meetings_counts_and_failed_files(site):
    client, _ = site
    html = page(client, "/")
    text = words(html)
    assert "Wexmoor Community Safety Partnership" in text and "Hallowby Night-Time Economy Task Group" in text
    assert "2024-02-08 · minutes" in text  # the partnership's latest meeting
    assert "files stored 11" in text and "files failed 1" in text
    assert "old.doc unsupported" in text


def test_actions_by_owner_with_status_evidence_and_links(site):
    client, engine = site
    html = page(client, "/actions?owner=Priya+Shah")
    text = words(html)
    assert "draft terms of reference for the Task Group" in text
    expected = queries.by_owner(queries.select_actions(engine, owner="Priya Shah", open_only=True, threads=True))
    assert f"{len(expected)} action rows" in text and expected
    first = expected[0]
    assert f'href="/source/action/{first["id"]}"' in html and f'href="/meeting/{first["document_id"]}"' in html
    assert "overdue" in text
    # Filters: status, body, due date; each listing as CSV and JSON with the same parameters.
    done = page(client, "/actions.json?status=done")
    assert all(r["status"] == "done" for r in json.loads(done))
    rows = list(csv.DictReader(io.StringIO(page(client, "/actions.csv?owner=Priya+Shah&body=Wexmoor"))))
    assert rows and all("Wexmoor" in r["body"] for r in rows) and {"owners", "due", "status", "file", "page"} <= set(rows[0])
    assert 'href="/actions_data.csv' not in html and 'href="/actions.csv?owner=Priya+Shah"' in html
    before = json.loads(page(client, "/actions.json?due_before=2021-05-01&status=all"))
    assert before and all(r["due"] < "2021-05-01" for r in before)


def test_meeting_page_attendance_items_facts_and_next_meeting(site):
    client, engine = site
    [meeting] = [m for m in queries.meetings(engine) if m["file"].endswith("2022-02-10_csp_minutes.pdf")]
    html = page(client, f"/meeting/{meeting['id']}")
    text = words(html)
    for heading in ("Present", "In attendance", "Apologies"):
        assert f"<h3>{heading}</h3>" in html
    assert "Cllr Chidi Okafor" in text or "Chidi Okafor" in text
    # Items in minute order, the CCTV item with its action, the fund item with its money.
    assert text.index("CSP22/05") < text.index("CSP22/06") < text.index("CSP22/07")
    cctv = text[text.index("CSP22/06"):text.index("CSP22/07")]
    assert "Rachel Doyle to report on CCTV coverage options" in cctv
    assert "£96,400" in text[text.index("CSP22/05"):text.index("CSP22/06")]
    assert "Next meeting" in text and re.search(r"/file/\d+/page/\d+", html)
    doc = queries.document(engine, meeting["id"])
    for a in doc["actions"]:
        assert f'href="/source/action/{a["id"]}"' in html
    assert json.loads(page(client, f"/meeting/{meeting['id']}.json"))["title"] == doc["title"]


def test_person_page_meetings_roles_actions(site):
    client, engine = site
    found = page(client, "/people?name=Priya")
    ids = re.findall(r'href="/person/(\d+)">Priya Shah<', found)
    assert len(ids) == 1
    text = words(page(client, f"/person/{ids[0]}"))
    assert "Priya Shah" in text and "Wexmoor Community Safety Partnership" in text
    assert "draft terms of reference" in text and "Community Safety Manager" in text


def test_search_snippets_marked_and_filters(site):
    client, _ = site
    html = page(client, "/search?q=naloxone")
    assert "<mark>naloxone</mark>" in html.lower()
    assert re.search(r'href="/source/block/\d+"', html)
    rows = json.loads(page(client, "/search.json?q=naloxone&order=date"))
    assert rows and all("naloxone" in r["snippet"].lower() and "\ue000" not in r["snippet"] for r in rows)
    more = page(client, "/search?q=partnership&limit=1")
    assert "More than 1 blocks match" in words(more)
    wexmoor = json.loads(page(client, "/search.json?q=naloxone&body=Wexmoor"))
    assert wexmoor and all("Wexmoor" in r["body"] for r in wexmoor) and len(wexmoor) <= len(rows)


def test_trace_timeline_and_funding_totals(site):
    client, _ = site
    rows = json.loads(page(client, "/trace.json?topic=cctv"))
    dated = [r["date"] for r in rows if r["date"]]
    assert rows and dated == sorted(dated)
    assert "Rachel Doyle to report on CCTV" in words(page(client, "/trace?topic=cctv"))
    html = page(client, "/funding?period=2022/23")
    text = words(html)
    assert "Totals per period" in text and "2022/23" in text and "£96,400" in text
    assert json.loads(page(client, "/funding.json?purpose=taxi"))


def test_pdf_source_view_draws_the_fact_boxes(site):
    client, engine = site
    [a] = [a for a in queries.select_actions(engine, owner="Rachel Doyle")
           if "CCTV coverage" in a["text"] and a["file"].endswith("2022-02-10_csp_minutes.pdf")]
    html = page(client, f"/source/action/{a['id']}")
    assert "Rachel Doyle to report on CCTV coverage options" in words(html)
    rects = re.findall(r'<rect class="hl" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', html)
    assert rects  # the run's boxes, in points, inside the page
    [view_w, view_h] = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', html).groups())
    for x, y, w, h in (map(float, r) for r in rects):
        assert 0 <= x < x + w <= view_w and 0 <= y < y + h <= view_h and 5 < h < 30
    png = client.get(re.search(r'<image href="([^"]+)"', html).group(1))
    assert png.status_code == 200 and png.data[:8] == b"\x89PNG\r\n\x1a\n"


def test_text_source_view_marks_the_span(site):
    client, engine = site
    [a] = [a for a in queries.select_actions(engine) if a["file"].endswith(".md") and "naloxone" in a["text"]]
    html = page(client, f"/source/action/{a['id']}")
    marked = "".join(re.findall(r"<mark>(.*?)</mark>", html, re.S))
    assert "naloxone training" in marked and len(marked) <= len(a["text"]) + 40


def test_download_serves_recorded_files_only(site):
    client, engine = site
    [f] = [f for f in queries.files(engine) if f["name"] == "2022-02-10_csp_minutes.pdf"]
    r = client.get(f"/file/{f['id']}/download")
    assert r.status_code == 200 and r.data == (CORPUS / f["name"]).read_bytes()
    assert "attachment" in r.headers["Content-Disposition"]
    [failed] = [f for f in queries.files(engine) if f["status"] == "failed"]
    assert client.get(f"/file/{failed['id']}/download").status_code == 404
    # No route takes a path: traversal attempts are unknown pages.
    for url in ("/file/..%2F..%2Fetc%2Fpasswd/download", "/file/1/../../etc/passwd", "/static/../pipeline.py"):
        assert client.get(url).status_code == 404


def test_hostile_paper_is_shown_inert_everywhere(site):
    client, engine = site
    [doc] = [m for m in queries.meetings(engine) if m["file"].endswith(HOSTILE_NAME)]
    [action] = [a for a in queries.select_actions(engine, owner="Ben Ortiz") if a["document_id"] == doc["id"]]
    [file_row] = [f for f in queries.files(engine) if f["name"] == HOSTILE_NAME]
    assert SCRIPT in action["text"] and IMG in " ".join(i["title"] for i in queries.document(engine, doc["id"])["items"])
    urls = ["/", "/meetings", f"/meeting/{doc['id']}", "/actions?owner=Ben", "/search?q=harbour",
            "/trace?topic=harbour", f"/source/action/{action['id']}", f"/source/document/{doc['id']}", "/files",
            f"/file/{file_row['id']}/page/1", "/people?name=Ben", f"/search?q={IMG}", f"/actions?owner={IMG}"]
    for url in urls:
        html = page(client, url)
        assert "<script" not in html.lower() and "<img" not in html.lower() and "<b>bold" not in html, url
    meeting = page(client, f"/meeting/{doc['id']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in meeting and "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in meeting
    download = client.get(f"/file/{file_row['id']}/download")
    assert '"><b>' not in download.headers["Content-Disposition"].split(";")[1]
    assert json.loads(page(client, "/actions.json?owner=Ben"))  # the JSON keeps the text as it is


def test_bad_ids_and_parameters_are_404_and_400_pages(site):
    client, _ = site
    for url in ["/meeting/999999", "/meeting/99999999999999999999", "/person/999999", "/source/bogus/1",
                "/source/action/999999", "/file/999999/page/1", "/file/1/page/999", "/file/1/page/999.png",
                "/file/999999/download", "/nowhere"]:
        html = page(client, url, 404)
        assert "Traceback" not in html and "404" in html
    for url in ["/actions?due_before=tomorrow", "/actions?status=maybe", "/search?q=x&limit=0",
                "/search?q=x&limit=99999999999999999999", "/meetings?kind=novel", "/funding?min=lots",
                "/search?q=" + "+or+".join(["w"] * 2000), "/trace?topic=" + "+".join(["w"] * 1100),
                "/actions?owner=" + "x" * 50_000, "/people?name=" + "y" * 50_000, "/actions?page=0"]:
        html = page(client, url, 400)
        assert "Traceback" not in html and "400" in html


def test_security_headers_and_readonly_connection(site):
    client, engine = site
    r = client.get("/")
    assert r.headers["Content-Security-Policy"] == CSP and "script-src" not in CSP and "default-src 'none'" in CSP
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert client.post("/").status_code == 405
    with pytest.raises(DBAPIError, match="readonly|read-only"):
        with engine.begin() as conn:
            conn.execute(insert(bodies).values(name="Written by the site"))


def test_the_site_on_postgresql(pg_url, corpus_extractions, tmp_path):
    url = new_pg_database(pg_url, "site")
    writer = store_corpus(url, corpus_extractions)
    ingest_paths(writer, [_hostile_folder(tmp_path)])
    writer.dispose()
    engine = open_readonly(url)
    client = create_app(engine).test_client()
    assert "Wexmoor Community Safety Partnership" in words(page(client, "/"))
    assert "draft terms of reference" in words(page(client, "/actions?owner=Priya+Shah"))
    assert "<mark>naloxone</mark>" in page(client, "/search?q=naloxone").lower()
    assert json.loads(page(client, "/trace.json?topic=cctv"))
    [a] = [a for a in queries.select_actions(engine, owner="Rachel Doyle")
           if "CCTV coverage" in a["text"] and a["file"].endswith("2022-02-10_csp_minutes.pdf")]
    assert '<rect class="hl"' in page(client, f"/source/action/{a['id']}")
    [doc] = [m for m in queries.meetings(engine) if m["file"].endswith(HOSTILE_NAME)]
    html = page(client, f"/meeting/{doc['id']}")
    assert "&lt;script&gt;" in html and "<script" not in html
    page(client, "/meeting/99999999999999999999", 404)
    with pytest.raises(DBAPIError, match="read-only"):
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO bodies (name) VALUES ('Written by the site')"))
    engine.dispose()


def test_serve_binds_to_loopback_by_default():
    from minutes.pipeline import serve
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
