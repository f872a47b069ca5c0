"""parsing/corpus/fingerprint.py: the parser's fingerprint covers its code, its vocabularies and the
libraries it uses, so the parse cache notices any of them changing."""

import shutil


def test_fingerprint_covers_code_vocabularies_and_library_versions(tmp_path, monkeypatch):
    from parsing.corpus import fingerprint

    data = tmp_path / "data"
    shutil.copytree(fingerprint.DATA, data)
    first = fingerprint.compute("1.0", data=data)
    assert first == fingerprint.compute("1.0", data=data)
    (data / "stopwords.txt").write_text((data / "stopwords.txt").read_text(encoding="utf-8") + "示例\n",
                                        encoding="utf-8")
    assert fingerprint.compute("1.0", data=data) != first
    monkeypatch.setattr(fingerprint, "_library_versions", lambda: ["jieba==0.0"])
    assert fingerprint.compute("1.0", data=data) != fingerprint.compute("1.0", data=fingerprint.DATA)


def test_the_snapshot_layout_is_left_out_of_the_fingerprint_and_keys_the_snapshot_instead(tmp_path):
    from parsing.corpus import fingerprint

    package = tmp_path / "parsing"
    shutil.copytree(fingerprint.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__", "data"))
    first = fingerprint.compute("1.0", package=package)
    layout = package / "corpus" / "snapshot.py"
    layout.write_text(layout.read_text(encoding="utf-8") + "\n# storage only\n", encoding="utf-8")
    assert fingerprint.compute("1.0", package=package) == first  # a storage change re-parses nothing
    build = package / "corpus" / "build.py"  # parse_payload shapes the cached records
    build.write_text(build.read_text(encoding="utf-8") + "\n# shapes records\n", encoding="utf-8")
    assert fingerprint.compute("1.0", package=package) != first
