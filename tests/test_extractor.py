"""The registry of extractor components: the order is checked as components
are registered, a component that raises loses only its own fields, and each
returns exactly the fields it declares."""
from __future__ import annotations

import copy
from dataclasses import fields, replace

import pytest
from minutes.extract.document import DocumentBuilder
from minutes.extract.extractor import GIVEN, PIPELINE, Component, Context, Pipeline, PipelineError, extract_file
from minutes.extract import nlp
from minutes.extract.nlp import analyse, get_nlp
from minutes.extract.records import ExtractedDocument, Section


def test_the_registered_order_satisfies_every_requirement():
    assigned = set(GIVEN)
    for c in PIPELINE.components:
        assert c.requires <= assigned, c
        assigned |= c.assigns
    assert [c.name for c in PIPELINE.components][:3] == ["attendance", "items", "next_meeting"]


def test_a_requirement_no_earlier_component_assigns_is_an_error():
    with pytest.raises(PipelineError, match=r"roster@\d+ requires apologies, attendees, which no earlier"):
        Pipeline(c for c in PIPELINE.components if c.name != "attendance")
    with pytest.raises(PipelineError, match=r"actions@\d+ requires .*meetings"):
        Pipeline(sorted(PIPELINE.components, key=lambda c: c.name != "actions"))


def test_bad_declarations_are_errors():
    pipe = Pipeline()
    pipe.component("items", 1, requires=("section",), assigns=("items",))(lambda doc, ctx: {"items": []})
    noop = lambda doc, ctx: {}  # noqa: E731
    with pytest.raises(PipelineError, match="already registered"):
        pipe.component("items", 2, requires=("section",))(noop)
    with pytest.raises(PipelineError, match="already assigned"):
        pipe.component("more_items", 1, assigns=("items",))(noop)
    with pytest.raises(PipelineError, match="no field minutes_taker"):
        pipe.component("clerk", 1, assigns=("minutes_taker",))(noop)
    with pytest.raises(PipelineError, match="already assigned"):
        pipe.component("resegment", 1, assigns=("section",))(noop)  # given, not assignable


def test_each_component_changes_only_what_it_assigns(shared):
    """Run component by component on every seed: any field a component does
    not declare is the same object before and after it."""
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        for doc in extract_file(path).documents:
            fresh = ExtractedDocument(doc.section)
            context = Context(standalone=True)
            for c in PIPELINE.components:
                before = {f.name: copy.deepcopy(getattr(fresh, f.name)) for f in fields(fresh) if f.name != "section"}
                before_ctx = {f.name: getattr(context, f.name) for f in fields(context)}
                assert not PIPELINE.run(fresh, context, only={c.name})
                for name, value in before.items():
                    if name not in c.assigns:
                        assert getattr(fresh, name) == value, (path.name, c.name, name)
                for name, value in before_ctx.items():
                    if name not in c.assigns:
                        assert getattr(context, name) is value, (path.name, c.name, name)


def _failing(name: str, error: Exception) -> Pipeline:
    def boom(doc, context):
        raise error
    return Pipeline(replace(c, run=boom) if c.name == name else c for c in PIPELINE.components)


def test_a_failing_component_loses_only_its_own_fields(shared):
    path = shared / "corpus" / "seeds" / "000_49ec45bbd0ad4368.txt"
    good = extract_file(path)
    fx = extract_file(path, _failing("attendance", KeyError("present")))
    version = PIPELINE.versions()["attendance"]
    assert [str(w) for w in fx.warnings] == [f"attendance@{version}: KeyError: 'present'"] * len(fx.documents)
    for ok, broken in zip(good.documents, fx.documents):
        assert broken.attendees == [] and broken.apologies == []
        assert (broken.items, broken.decisions, broken.funding, broken.next_meeting) == \
            (ok.items, ok.decisions, ok.funding, ok.next_meeting)
        # Actions still run, on an empty roster: every explicit one is kept
        # (owners as written); only commitments in running text ("Sara will
        # provide ...") need the listed people to tell an owner from a word.
        found = {(a.span.start, a.text) for a in broken.actions}
        assert {(a.span.start, a.text) for a in ok.actions if a.explicit} <= found
        assert found <= {(a.span.start, a.text) for a in ok.actions}
    assert sum(a.explicit for d in fx.documents for a in d.actions) == 3


def test_a_component_returning_other_fields_than_declared_fails_as_itself():
    pipe = Pipeline([Component("items", 3, frozenset({"section"}), frozenset({"items"}),
                               lambda doc, ctx: {"items": [], "actions": []})])
    doc = ExtractedDocument(_section())
    [w] = pipe.run(doc, Context(standalone=True), position=2)
    assert (w.component, w.version, w.document, w.error) == ("items", 3, 2, "PipelineError")
    assert doc.actions == [] and doc.items == []


def _section() -> Section:
    b = DocumentBuilder("x.txt", "txt", "0")
    b.add("paragraph", "Minutes of the meeting.")
    return Section("minutes", "t", b.build().blocks)


def test_versions_name_the_parsers_segment_and_every_component():
    versions = PIPELINE.versions()
    assert list(versions)[:2] == ["parse", "segment"]
    assert set(versions) == {"parse", "segment"} | {c.name for c in PIPELINE.components}
    assert all(isinstance(v, int) and v >= 1 for v in versions.values())


def test_a_file_leaves_behind_only_the_words_it_shares_with_another(shared, monkeypatch):
    """A worker extracts file after file: the Docs of a file's blocks go when it is done,
    and of the words spaCy made for it, only those met in an earlier file too stay (up to
    a bound), so its memory does not grow with the archive."""
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    words = [set(extract_file(p).parsed.text.split()) for p in seeds[:2]]  # as the parser reads them
    monkeypatch.setattr(nlp, "_learnt", set())
    monkeypatch.setattr(nlp, "_once", {})
    extract_file(seeds[0])
    extract_file(seeds[0])  # the same bytes again are not another paper
    assert not nlp._learnt
    extract_file(seeds[1])
    learnt = set(nlp._learnt)
    assert len(learnt) > 50 and learnt <= words[0] & words[1]
    assert analyse.cache_info().currsize == 0
    monkeypatch.setattr(nlp, "LEARNT_WORDS", len(learnt))  # the bound met: files leave nothing behind
    strings = len(get_nlp().vocab.strings)
    for path in seeds[2:]:
        assert extract_file(path).documents, path.name
        assert len(get_nlp().vocab.strings) == strings, path.name
        assert analyse.cache_info().currsize == 0
    assert nlp._learnt == learnt
