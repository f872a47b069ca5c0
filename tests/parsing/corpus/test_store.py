"""parsing/corpus/store.py: saving uploads — safe names, no overwriting, atomic writes, only reports saved,
removal to the trash, concurrent saves."""

import os

import pytest
from conftest import DATA

from parsing.corpus.store import safe_name, save_report

SEED = (DATA / "002_31cc29bab18448a3.txt").read_bytes()


@pytest.mark.parametrize(("raw", "expected"), [
    ("../../etc/passwd", "passwd.txt"),
    ("..\\..\\Windows\\system.ini", "system.ini.txt"),
    ("/abs/path/报告.txt", "报告.txt"),
    ("报告 2018 <script>.html", "报告_2018_script.html"),
    ("..", None), ("", None), (".hidden.txt", "hidden.txt"),
    ("a\x00b.pdf", "ab.pdf"),
])
def test_safe_name_never_leaves_the_folder(raw, expected):
    name = safe_name(raw, SEED)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    if expected is None:
        assert name.startswith("report_") and name.endswith(".txt")
    else:
        assert name == expected


@pytest.mark.parametrize(("raw", "chars", "suffix"), [
    ("\U00020000" * 100 + ".txt", 59, ".txt"),  # 4 bytes a character: 400 bytes, the file system takes 255
    ("报" * 100 + ".html", 78, ".html"),  # 3 bytes a character: 80 characters are 240 bytes, with .html 245
    ("a" * 300 + ".pdf", 80, ".pdf"),  # one byte a character: the 80-character limit decides
    ("e\u0301" * 100 + ".md", 80, ".md"),  # NFC first: é is one character of 2 bytes
    ("\U0001D400" * 70, 59, ".txt"),  # no suffix: .txt added, and counted (𝐀 is a letter of 4 bytes)
])
def test_a_long_name_is_cut_by_characters_and_by_utf8_bytes(tmp_path, raw, chars, suffix):
    name = safe_name(raw, SEED)
    assert (len(name) - len(suffix), name[-len(suffix):]) == (chars, suffix)
    assert len(name.encode("utf-8")) <= 240
    path, created = save_report(tmp_path, raw, SEED)  # the name the file system is given: it takes it
    assert created and path.name == name and path.read_bytes() == SEED
    again, created = save_report(tmp_path, raw, SEED + b"\n")  # a second file of that name: "-1" still fits
    assert created and again.name == name[:-len(suffix)] + "-1" + suffix


def test_save_writes_inside_the_folder_and_never_overwrites(tmp_path):
    (tmp_path / "passwd.txt").write_bytes(b"mine")
    path, created = save_report(tmp_path, "../../passwd.txt", SEED)
    assert created and path.parent == tmp_path and path.name == "passwd-1.txt"
    assert (tmp_path / "passwd.txt").read_bytes() == b"mine"
    assert path.read_bytes() == SEED
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".upload-")]


def test_saving_the_same_bytes_twice_writes_once(tmp_path):
    first, created = save_report(tmp_path, "a.txt", SEED)
    again, created_again = save_report(tmp_path, "b.txt", SEED)
    assert created and not created_again and again == first
    assert len(list(tmp_path.iterdir())) == 1


def test_a_failed_write_leaves_no_half_file(tmp_path, monkeypatch):
    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        save_report(tmp_path, "a.txt", SEED)
    assert list(tmp_path.iterdir()) == []


def test_only_files_that_read_as_reports_can_be_saved():
    """The verdict comes from the supervised worker's parse (time and memory limits), never from one in the caller."""
    from parsing.corpus.store import vet

    report = (DATA / "002_31cc29bab18448a3.txt").read_bytes()
    recipe = ("番茄炒蛋的做法：先把鸡蛋打散，加少许盐。番茄切块备用。锅中放油，倒入蛋液炒熟盛出。"
              "再放番茄翻炒出汁，加入鸡蛋，调味后出锅。这道菜酸甜可口，适合家常。" * 3).encode()
    report_ok, junk, not_report = vet([("002.txt", report), ("junk.txt", bytes(range(256)) * 8),
                                       ("recipe.txt", recipe)])
    assert report_ok is None
    assert junk == "无法读取：不是文本文件（看起来是二进制数据）"
    assert not_report == "内容不是政府信息公开工作年度报告（没有该类报告的标志性用语）"


@pytest.mark.parametrize(("name", "taken", "expected"), [
    ("年报.txt", set(), "年报.txt"),
    ("年报.txt", {"年报.txt"}, "年报-1.txt"),
    ("年报.txt", {"年报.txt", "年报-1.txt", "年报-2.txt"}, "年报-3.txt"),
    ("README", {"README"}, "README-1"),
])
def test_a_second_upload_of_one_name_gets_the_next_free_name(name, taken, expected):
    from parsing.corpus.store import unique_name

    assert unique_name(name, taken) == expected


def test_a_removed_report_goes_to_the_trash_never_deleted(tmp_path):
    from parsing.corpus.store import move_to_trash

    (tmp_path / "a.txt").write_bytes(b"first")
    first = move_to_trash(tmp_path, "a.txt")
    (tmp_path / "a.txt").write_bytes(b"second")
    second = move_to_trash(tmp_path, "a.txt")
    assert not (tmp_path / "a.txt").exists()
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")  # nothing replaced
    assert first.parent == second.parent == tmp_path / ".trash"
    with pytest.raises(ValueError):
        move_to_trash(tmp_path, "../etc/passwd")


def test_two_sessions_saving_one_name_at_once_both_keep_their_file(tmp_path):
    import threading

    from parsing.corpus.store import save_report

    results = []
    barrier = threading.Barrier(8)

    def save(i: int) -> None:
        barrier.wait()
        results.append(save_report(tmp_path, "同名.txt", f"报告{i}".encode()))

    threads = [threading.Thread(target=save, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    paths = {p for p, created in results if created}
    assert len(paths) == 8  # eight distinct files, none lost, none overwritten
    assert sorted(p.read_bytes().decode() for p in paths) == sorted(f"报告{i}" for i in range(8))
