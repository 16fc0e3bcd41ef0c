from fazhi.document.normalize import changes_under_normalization, normalize


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
