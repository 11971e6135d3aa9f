"""Readers on every supported format and on bad input."""

from __future__ import annotations

import json

from kg.sources.article import Article
from kg.sources.readers import Problem, read_paths


def _articles(items):
    return [i for i in items if isinstance(i, Article)]


def _problems(items):
    return [i for i in items if isinstance(i, Problem)]


def test_seed_format_date_on_same_line(tmp_path):
    path = tmp_path / "001_abc.txt"
    path.write_text(" date 2026-03-05 Thủ tướng Phạm Minh Chính hội kiến Tổng thống Hàn Quốc.\n\nĐoạn hai.", encoding="utf-8")
    [article] = _articles(read_paths([path]))
    assert article.id == "001_abc"
    assert article.date == "2026-03-05"
    assert article.text.startswith("Thủ tướng Phạm Minh Chính")
    assert article.text.endswith("Đoạn hai.")


def test_seed_format_date_on_its_own_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2025-12-01\nBộ trưởng Ngoại giao hai nước điện đàm.", encoding="utf-8")
    [article] = _articles(read_paths([path]))
    assert article.date == "2025-12-01"
    assert article.text == "Bộ trưởng Ngoại giao hai nước điện đàm."


def test_bundled_sources_all_read():
    articles = _articles(read_paths(["sources"]))
    assert len(articles) == 5
    assert all(a.date and a.text for a in articles)
    assert not any(a.text.lstrip().startswith("date") for a in articles)


def test_plain_text_without_date_warns_and_keeps_article(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Ngoại trưởng Nhật Bản thăm Hà Nội.", encoding="utf-8")
    items = list(read_paths([path]))
    [article] = _articles(items)
    assert article.date is None
    [warning] = _problems(items)
    assert not warning.skipped and "no date line" in warning.message and "plain.txt" in warning.message


def test_impossible_date_is_unknown_not_fatal(tmp_path):
    path = tmp_path / "bad_date.txt"
    path.write_text(" date 2026-13-45 Hai bên hội đàm tại Bắc Kinh.", encoding="utf-8")
    items = list(read_paths([path]))
    assert _articles(items)[0].date is None
    assert "2026-13-45" in _problems(items)[0].message


def test_jsonl_lines_and_malformed_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "vn-1", "date": "2026-02-01", "text": "Chủ tịch nước Lương Cường tiếp Đại sứ Lào.", "url": "https://example.org/1", "title": "Tiếp Đại sứ"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "vn-2", "date": "2026-02-02"}),
        json.dumps([1, 2]),
        "",
        json.dumps({"date": "2026-02-03", "text": "Bộ trưởng Bùi Thanh Sơn điện đàm với người đồng cấp Ấn Độ."}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([path]))
    articles = _articles(items)
    assert [a.id for a in articles] == ["vn-1", "feed-6"]
    assert articles[0].url == "https://example.org/1" and articles[0].title == "Tiếp Đại sứ"
    skipped = [p for p in _problems(items) if p.skipped]
    assert [p.origin for p in skipped] == [f"{path}:2", f"{path}:3", f"{path}:4"]


def test_bad_files_skipped_rest_of_directory_read(tmp_path):
    (tmp_path / "good.txt").write_text(" date 2026-01-01 Ông Vương Nghị gặp ông Lavrov.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "legacy.txt").write_bytes(" date 2026-01-01 Vi\u00eat Nam h\u00f2a b\u00ecnh".encode("latin-1"))
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [a.id for a in _articles(items)] == ["good"]
    reasons = {p.origin.rsplit("/", 1)[-1]: p.message for p in _problems(items)}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "not UTF-8" in reasons["legacy.txt"]
    assert "notes.md" not in reasons


def test_too_large_file_is_refused_by_size(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(" date 2026-01-01 " + "Hai bên hội đàm. " * 400_000, encoding="utf-8")
    [problem] = list(read_paths([path], max_mb=1))
    assert problem.skipped and "MB" in problem.message and "huge.txt" in problem.message


def test_missing_path_and_duplicate_ids(tmp_path):
    one = tmp_path / "a"
    two = tmp_path / "b"
    one.mkdir()
    two.mkdir()
    (one / "x.txt").write_text(" date 2026-01-01 Hai nước ký thỏa thuận.", encoding="utf-8")
    (two / "x.txt").write_text(" date 2026-01-02 Hai nước ký thỏa thuận mới.", encoding="utf-8")
    items = list(read_paths([one, two, tmp_path / "missing"]))
    assert [a.date for a in _articles(items)] == ["2026-01-01"]
    messages = [p.message for p in _problems(items)]
    assert any("already read" in m for m in messages)
    assert any("no such file" in m for m in messages)
