from fazhi.document.normalize import changes_under_normalization, identity_map, normalize


def test_full_width_becomes_half_width_and_spaces_go() -> None:
    norm, index = normalize("（一）　全年　２０２２ 年，达到１００％：")
    assert norm == "(一)全年2022年,达到100%:"
    assert len(index) == len(norm)


def test_map_points_back_to_the_original() -> None:
    text = "郑旗乡 2022 年度报告"
    norm, index = normalize(text)
    pos = norm.index("2022")
    assert text[index[pos]:index[pos + 3] + 1] == "2022"


def test_chinese_punctuation_kept() -> None:
    assert normalize("一是，二是。三、“四”")[0] == "一是,二是。三、“四”"


def test_changes_under_normalization() -> None:
    assert changes_under_normalization("（一）") == ["（", "）"]
    assert changes_under_normalization("(一)") == []


def test_traditional_characters_fold_to_simplified() -> None:
    assert normalize("法治政府建設年度報告：全過程記錄製度")[0] == "法治政府建设年度报告:全过程记录制度"
    assert normalize("合法性审査")[0] == "合法性审查"


def test_identity_maps_inside_and_beyond_the_prepared_table() -> None:
    assert list(identity_map(3)) == [0, 1, 2]
    assert list(identity_map(4, 8190)) == [8190, 8191, 8192, 8193]
    assert list(identity_map(2, 100_000)) == [100_000, 100_001]
    long_line = "法" * 10_000 + " 治"
    norm, index = normalize(long_line)
    assert len(norm) == len(index) == 10_001 and index[-1] == 10_001
