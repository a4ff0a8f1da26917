"""The site: one Flask app over a read-only engine (``models.db.open_readonly``).

Every page asks ``minutes.models`` (the functions the command line calls)
and renders a Jinja2 template, autoescaped. Listings also answer as CSV and
JSON (``/actions.csv``, ``/actions.json``, with the same parameters). Bad
parameters are a 400 page, unknown ids a 404 page; no traceback is shown.
Files are served only as recorded in the database, by id.
"""
from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable
from urllib.parse import quote

from flask import Flask, Response, abort, render_template, request, url_for
from markupsafe import Markup, escape
from sqlalchemy import Engine
from werkzeug.exceptions import BadRequest, HTTPException

from minutes.models import export, people, queries, source
from minutes.models import search as fts
from minutes.models import trace as trail
from minutes.models.sql import MAX_LIMIT, QueryError
from minutes.web import render

CSP = ("default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
KINDS = ["minutes", "agenda", "report", "strategy", "work_programme", "other"]
STATUSES = {"not_done": "not done", "open": "open", "overdue": "overdue",
            "in_progress": "in progress / carried forward", "no_later_record": "no later record", "done": "done",
            "all": "all"}
PAGE_ROWS = 500  # rows of a listing page; CSV and JSON give every row
MARKS = ("\ue000", "\ue001")  # a search snippet's matched words, made <mark> after escaping
log = logging.getLogger(__name__)


def create_app(engine: Engine) -> Flask:
    app = Flask(__name__)
    app.jinja_env.filters.update(marked=_marked, money=_money, cell=export.cell_text)
    app.jinja_env.globals.update(listing_links=_listing_links, STATUSES=STATUSES, KINDS=KINDS)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException) -> tuple[str, int]:
        return render_template("error.html", code=e.code, title=e.name, message=e.description), e.code or 500

    @app.errorhandler(QueryError)
    def query_error(e: QueryError) -> tuple[str, int]:
        return render_template("error.html", code=400, title="Bad request", message=str(e)), 400

    @app.errorhandler(Exception)
    def internal_error(e: Exception) -> tuple[str, int]:
        log.exception("error answering %s", request.path)
        return render_template("error.html", code=500, title="Internal error",
                               message="Something went wrong answering this page; it has been logged."), 500

    @app.get("/")
    def home() -> str:
        return render_template("home.html", summary=queries.summary(engine), bodies=queries.bodies_overview(engine),
                               failed=queries.files(engine, failed_only=True))

    @listing(app, "/files", ["id", "name", "file", "format", "size", "pages", "status", "error_reason"])
    def files() -> dict[str, Any]:
        failed = _choice("status", ["all", "failed"], "all") == "failed"
        return {"rows": queries.files(engine, failed_only=failed), "failed": failed}

    @listing(app, "/actions", ["owners", "id", "due", "status", "evidence", "text", "meeting_date", "body", "file",
                               "page"])
    def actions() -> dict[str, Any]:
        wanted = _choice("status", list(STATUSES), "not_done")
        rows = queries.select_actions(
            engine, owner=_text("owner"), body=_text("body"), due_before=_date("due_before"),
            as_of=_date("as_of"), open_only=wanted == "not_done",
            status=None if wanted in ("not_done", "all") else wanted, threads=True)
        return {"rows": queries.by_owner(rows), "status": wanted}

    @listing(app, "/meetings", ["id", "body", "date", "kind", "title", "file", "page"])
    def meetings() -> dict[str, Any]:
        return {"rows": queries.meetings(engine, body=_text("body"), kind=_choice("kind", KINDS, None),
                                         date_from=_date("from"), date_to=_date("to"))}

    @app.get("/meeting/<int:document_id>")
    @app.get("/meeting/<int:document_id>.<any(json):ext>")
    def meeting(document_id: int, ext: str = "html") -> Any:
        doc = queries.document(engine, document_id)
        if doc is None:
            abort(404, f"There is no document {document_id}.")
        if ext == "json":
            return _data(export.json_text(doc), "application/json")
        return render_template("meeting.html", doc=doc, items=_by_item(doc))

    @app.get("/people")
    def people_search() -> str:
        name = _text("name")
        found = people.person_report(engine, name, _text("body")) if name is not None else []
        return render_template("people.html", name=name, found=found)

    @app.get("/person/<int:person_id>")
    @app.get("/person/<int:person_id>.<any(json):ext>")
    def person(person_id: int, ext: str = "html") -> Any:
        found = people.person_by_id(engine, person_id)
        if found is None:
            abort(404, f"There is no person {person_id}.")
        if ext == "json":
            return _data(export.json_text(found), "application/json")
        return render_template("person.html", p=found)

    @listing(app, "/search", ["score", "date", "body", "kind", "document_id", "page", "snippet", "file"])
    def search() -> dict[str, Any]:
        query = _text("q")
        limit = _int("limit", 20, 1, MAX_LIMIT)
        order = _choice("order", ["rank", "date"], "rank")
        rows, more = fts.search_more(engine, query, body=_text("body"), date_from=_date("from"), date_to=_date("to"),
                                     kind=_choice("kind", KINDS, None), limit=limit, order=order,
                                     marks=MARKS if _ext() == "html" else ("", "")) if query else ([], False)
        return {"rows": rows, "more": more, "limit": limit, "q": query}

    @listing(app, "/trace", ["date", "body", "fact", "text", "document_id", "page", "file"])
    def trace() -> dict[str, Any]:
        topic = _text("topic")
        rows = trail.trace(engine, topic, body=_text("body"), date_from=_date("from"),
                           date_to=_date("to")) if topic else []
        return {"rows": rows, "topic": topic}

    @listing(app, "/funding", ["id", "amount", "amount_high", "kind", "period", "purpose", "text", "body", "file",
                               "page"])
    def funding() -> dict[str, Any]:
        rows = queries.list_funding(engine, body=_text("body"), period=_text("period"), purpose=_text("purpose"),
                                    min_amount=_decimal("min"))
        return {"rows": rows, "totals": queries.funding_totals(rows)}

    @app.get("/source/<fact>/<int:fact_id>")
    def source_view(fact: str, fact_id: int) -> str:
        where = source.place(engine, fact, fact_id)
        if where is None:
            abort(404, f"There is no {fact} {fact_id}.")
        return _source_page(engine, where.source_file_id, where.page, (where.start, where.end), fact)

    @app.get("/file/<int:file_id>/page/<int:page>")
    def file_page(file_id: int, page: int) -> str:
        return _source_page(engine, file_id, page, None, None)

    @app.get("/file/<int:file_id>/page/<int:page>.png")
    def page_image(file_id: int, page: int) -> Response:
        file = _recorded(engine, file_id)
        if file["format"] != "pdf":
            abort(404, f"{file['name']} is not a PDF: its pages have no image.")
        try:
            png = render.page_png(file, page)
        except render.Unavailable as e:
            abort(404, str(e))
        return Response(png, mimetype="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/file/<int:file_id>/download")
    def download(file_id: int) -> Response:
        file = _recorded(engine, file_id)
        try:
            data = render.recorded_bytes(file)
        except render.Unavailable as e:
            abort(404, str(e))
        return Response(data, mimetype="application/octet-stream", headers={
            "Content-Disposition": _attachment(file["name"])})

    return app


def listing(app: Flask, rule: str, columns: list[str]) -> Callable:
    """Route ``rule`` (HTML), ``rule.csv`` and ``rule.json`` to one view that
    returns its template's values, ``rows`` among them; ``columns`` head an
    empty CSV. The HTML page shows ``PAGE_ROWS`` rows at a time."""
    name = rule.strip("/")

    def register(view: Callable[[], dict[str, Any]]) -> Callable:
        def answer(ext: str = "html") -> Any:
            values = view()
            if ext == "csv":
                return _data(export.csv_text(values["rows"], columns), "text/csv", f"{name}.csv")
            if ext == "json":
                return _data(export.json_text(values["rows"]), "application/json")
            first = (_int("page", 1, 1, 10**6) - 1) * PAGE_ROWS
            shown = values["rows"][first:first + PAGE_ROWS]
            return render_template(f"{name}.html", **values, shown=shown, first=first, page_rows=PAGE_ROWS)

        app.add_url_rule(rule, name, answer)
        app.add_url_rule(f"{rule}.<any(csv,json):ext>", f"{name}_data", answer)
        return answer
    return register


def _source_page(engine: Engine, file_id: int, page: int, span: tuple[int, int] | None, fact: str | None) -> str:
    file = _recorded(engine, file_id)
    if not 1 <= page <= max(file["pages"] or 1, 1):
        abort(404, f"{file['name']} has no page {page}.")
    with engine.connect() as conn:
        found = source.stored_blocks(conn, file_id, page=page, span=span)
    on_page = [b for b in found if b.page == page]
    values: dict[str, Any] = {"file": file, "page": page, "span": span, "fact": fact, "blocks": on_page,
                              "quote": source.quote(found, *span) if span else None,
                              "pieces": {b.id: source.pieces(b, *span) if span else [(b.text, False)]
                                         for b in on_page},
                              "other_pages": sorted({b.page for b in found if b.page != page}),
                              "size": None, "boxes": [], "unavailable": None}
    if file["format"] == "pdf":
        try:
            values["size"] = render.page_size(file, page)
        except render.Unavailable as e:
            values["unavailable"] = str(e)
        values["boxes"] = source.highlight(found, page, *span) if span else []
    return render_template("source.html", **values)


def _recorded(engine: Engine, file_id: int) -> dict[str, Any]:
    file = source.source_file(engine, file_id)
    if file is None:
        abort(404, f"There is no file {file_id}.")
    return file


def _by_item(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's items in minute order, each with its decisions, actions
    and money; facts of no item first, under None."""
    groups: dict[int | None, dict[str, Any]] = {None: {"item": None, "decisions": [], "actions": [], "funding": []}}
    for item in doc["items"]:
        groups[item["id"]] = {"item": item, "decisions": [], "actions": [], "funding": []}
    for key in ("decisions", "actions", "funding"):
        for fact in doc[key]:
            groups[fact["item_id"] if fact["item_id"] in groups else None][key].append(fact)
    return [g for g in groups.values() if g["item"] or g["decisions"] or g["actions"] or g["funding"]]


def _data(text: str, mimetype: str, filename: str | None = None) -> Response:
    headers = {"Content-Disposition": _attachment(filename)} if filename else {}
    return Response(text, content_type=f"{mimetype}; charset=utf-8", headers=headers)


def _attachment(filename: str) -> str:
    # An ASCII name with nothing that could end the header value, and the real name in RFC 5987 form.
    plain = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in filename)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename)}"


def _ext() -> str:
    return (request.view_args or {}).get("ext", "html")


def _listing_links() -> Markup:
    """Links to this listing as CSV and JSON, with the same parameters."""
    args: dict[str, Any] = {k: v for k, v in request.args.items() if k != "page"}
    endpoint = f"{request.endpoint.removesuffix('_data')}_data" if request.endpoint else ""
    return Markup('<p class="formats">Download: <a href="{}">CSV</a> · <a href="{}">JSON</a></p>').format(
        url_for(endpoint, ext="csv", **args), url_for(endpoint, ext="json", **args))


def _marked(snippet: str) -> Markup:
    """A search snippet, escaped, its matched words in <mark>."""
    return Markup(str(escape(snippet)).replace(MARKS[0], "<mark>").replace(MARKS[1], "</mark>"))


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"£{value:,.2f}".removesuffix(".00")


def _text(name: str) -> str | None:
    """A text parameter; absent or empty means no filter."""
    value = request.args.get(name, "")
    return value if value.strip() else None


def _date(name: str) -> date | None:
    value = _text(name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise BadRequest(f"{name}: a date as YYYY-MM-DD, not {value[:40]!r}") from None


def _int(name: str, default: int, low: int, high: int) -> int:
    value = _text(name)
    if value is None:
        return default
    if not value.strip().isdigit() or not low <= int(value) <= high:
        raise BadRequest(f"{name}: a whole number from {low} to {high:,}, not {value[:40]!r}")
    return int(value)


def _decimal(name: str) -> Decimal | None:
    value = _text(name)
    if value is None:
        return None
    try:
        amount = Decimal(value.strip().lstrip("£").replace(",", ""))
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or abs(amount) >= 10**16:
        raise BadRequest(f"{name}: an amount in pounds, not {value[:40]!r}")
    return amount


def _choice(name: str, allowed: list[str], default: str | None) -> Any:
    value = _text(name)
    if value is None:
        return default
    if value not in allowed:
        raise BadRequest(f"{name}: one of {', '.join(allowed)}, not {value[:40]!r}")
    return value
