"""Openings of 301 real reports from 31 provinces (tests/data/openings/SOURCE.md): what
an opening decides, read by hand on 2026-12-07. Not gold labels, and not whole reports:
only the title, the issuer, the report year and the kinds of the first top-level
sections are pinned. A change that moves one should be re-examined against the text,
and the pin updated with the reason in the commit."""

from __future__ import annotations

import pytest

from conftest import ROOT
from fazhi.engine import Engine

OPENINGS = ROOT / "tests" / "data" / "openings"

# file: (title, issuer, report year, kinds of the first three top-level sections)
EXPECTED: dict[str, tuple[str | None, str | None, int | None, list[str]]] = {
    "01": ("静海区2023年度法治政府建设情况报告", None, 2023, ["first_responsible"]),
    "02": ("重庆市渝北区大盛镇人民政府关于2024年法治政府建设情况的报告", "重庆市渝北区大盛镇人民政府", 2024, ["measures"]),
    "03": (None, None, 2024, ["measures"]),
    "04": ("永安市小陶镇人民政府2024年法治政府建设情况报告", "永安市小陶镇人民政府", 2024, ["measures"]),
    "05": ("三都镇2025年法治政府建设年度报告", None, 2025, ["measures"]),
    "06": (None, None, 2022, ["measures"]),
    "07": (None, None, 2022, ["measures"]),
    "08": (None, None, 2025, ["measures"]),  # no title: 一、2025年推进法治政府建设总体情况 is the first section's heading
    "09": (None, None, 2025, ["measures"]),
    "10": ("中梁山街道关于2025年度法治政府建设情况的报告", None, 2025, ["measures"]),
    "11": ("东湖街道2024年度法治政府建设情况报告", None, 2024, ["measures"]),
    "12": ("北城街街道办事处2025年法治政府建设年度报告", "北城街街道办事处", 2025, ["measures"]),
    "13": (None, None, 2023, ["measures"]),
    "14": ("广东省市场监督管理局关于2023年度法治政府建设情况的报告", "广东省市场监督管理局", 2023, ["measures"]),
    "15": ("鲁山县人民政府关于2024年法治政府建设情况的报告", "鲁山县人民政府", 2024, ["first_responsible"]),
    "16": ("中共浚县县委 浚县人民政府关于2024年法治政府建设情况的报告", "中共浚县县委 浚县人民政府", 2024, ["measures"]),
    "17": (None, None, 2024, ["first_responsible", "measures"]),  # no title: its first heading, on the duty, stays a heading
    "18": ("广州市花都区人民政府2022年法治政府建设年度报告", "广州市花都区人民政府", 2022, ["measures"]),
    "19": (None, None, 2022, ["measures"]),
    "20": (None, None, 2022, ["measures"]),
    "21": (None, None, 2023, ["measures"]),  # no title: 一、法治政府建设工作情况 is the first section's heading
    "22": (None, None, 2022, ["measures"]),
    "23": (None, None, 2024, ["measures"]),
    "24": (None, None, 2024, ["measures"]),
    "25": (None, None, 2024, ["measures", "measures"]),
    "26": ("昌吉州人民政府2024年度法治政府建设情况报告", "昌吉州人民政府", 2024, ["measures"]),
    "27": ("黑龙江省2024年度法治政府建设情况报告", None, 2024, ["measures"]),
    "28": ("山亭区徐庄镇2025年度法治政府建设情况报告", None, 2025, ["measures"]),
    "29": ("西乌珠穆沁旗人民政府2024年度法治政府建设情况报告", "西乌珠穆沁旗人民政府", 2024, ["measures"]),
    "30": (None, None, 2024, ["measures", "measures"]),
    "31": (None, None, 2023, ["measures", "shortcomings", "first_responsible"]),
    "32": ("广州市卫生健康委关于2024年度法治政府建设情况的报告", "广州市卫生健康委", 2024, ["measures"]),
    "33": ("泽州县交通运输局2025年法治政府建设报告", "泽州县交通运输局", 2025, ["first_responsible"]),
    "34": ("2023年度法治政府建设年度报告", "开江县交通运输局", 2023, ["measures", "measures", "measures"]),  # the issuer on the line above a title that names none
    "35": ("【2022年】州生态环境局2022年度法治政府建设报告", None, 2022, ["measures"]),
    "36": ("贵州省生态环境厅2022年度法治政府建设工作情况报告", "贵州省生态环境厅", 2022, ["measures"]),
    "37": ("赵县人民政府关于2025年度法治政府建设情况的报告", "赵县人民政府", 2025, ["measures", "measures"]),
    "38": (None, None, 2024, ["measures"]),
    "39": (None, None, 2024, ["measures"]),
    "40": ("关于2025年法治政府建设情况的报告", None, 2025, ["measures"]),
    "41": (None, None, 2023, ["measures"]),
    "42": (None, None, 2023, ["measures"]),
    "43": ("上海市宝山区人民政府关于法治政府建设情况报告", "上海市宝山区人民政府", 2023, ["measures"]),  # the title on two lines, the first ending inside 关于法治政府
    "44": ("塘栖镇法治政府建设年度报告(2024年度)", None, 2024, ["measures"]),
    "45": ("关于杭州市2024年度法治政府建设情况的报告", None, 2024, ["measures"]),
    "46": ("安徽省人民政府关于2023年法治政府建设情况的报告", "安徽省人民政府", 2023, ["measures"]),
    "47": (None, None, 2023, ["measures"]),
    "48": ("重庆市应急管理局关于2024年法治政府建设情况的报告", "重庆市应急管理局", 2024, ["measures"]),
    "49": (None, None, 2024, ["measures"]),
    "50": (None, None, 2024, ["measures"]),
    "51": ("2025年法治政府建设报告", "东安县应急管理局", 2025, ["measures"]),
    "52": ("农业农村部2024年度法治政府建设情况的报告", "农业农村部", 2024, ["measures"]),  # a ministry
    "53": ("镇海区农业农村局2021年度法治政府建设情况报告", "镇海区农业农村局", 2021, ["measures"]),
    "54": (None, None, 2021, ["measures"]),  # no title: 2021 from 现将…2021年…报告, not 2025 from 纲要（2021—2025年）
    "55": ("宛城区人力资源和社会保障局关于2025年法治政府建设情况的报告", "宛城区人力资源和社会保障局", 2025, ["first_responsible", "measures"]),
    "56": ("海口市人民政府2021年度法治政府建设情况报告", "海口市人民政府", 2021, ["measures", "measures"]),
    "57": (None, None, 2024, ["measures"]),
    "58": ("柳城县2025年法治政府建设年度报告", None, 2025, ["measures"]),
    "59": (None, None, 2024, ["measures"]),  # the title only in the page's information bar, copied as a table of | cells
    "60": ("茈湖口镇2025年度法治政府建设年度报告", None, 2025, ["measures"]),
    "61": (None, None, 2025, ["measures"]),
    "62": (None, None, 2023, ["measures"]),
    "63": ("石柱土家族自治县公安局 关于2025年法治政府建设工作情况的报告", "石柱土家族自治县公安局", 2025, ["measures", "measures"]),
    "64": (None, None, 2025, ["measures"]),
    "65": ("厦门市生态环境局关于2024年法治政府建设情况的报告", "厦门市生态环境局", 2024, ["measures"]),
    "66": ("相山区生态环境分局2025年法治政府建设情况工作报告", "相山区生态环境分局", 2025, ["measures"]),
    "67": (None, None, 2024, ["measures"]),
    "68": ("浙江省市场监督管理局2024年法治政府建设年度报告", "浙江省市场监督管理局", 2024, ["measures"]),
    "69": (None, None, 2023, ["measures"]),
    "70": ("随县交通运输局 2022年法治政府建设年度报告", "随县交通运输局", 2022, ["measures"]),
    "71": ("平舆县交通运输局2022年法治政府建设工作报告", "平舆县交通运输局", 2022, ["measures"]),
    "72": ("紫金县卫生健康局2025年法治政府建设年度报告", "紫金县卫生健康局", 2025, ["measures"]),
    "73": ("海丰县卫生健康局2025年法治政府建设年度报告", "海丰县卫生健康局", 2025, ["measures"]),
    "74": (None, None, 2022, ["measures"]),
    "75": ("陵川县教育局 2025年法治政府建设年度报告", "陵川县教育局", 2025, ["measures", "measures"]),
    "76": (None, None, 2024, ["measures"]),
    "77": ("溆浦县教育局2024年度法治建设工作报告", "溆浦县教育局", 2024, ["measures"]),
    "78": ("中共双牌县教育局党组2024年度法治政府建设年度报告", "中共双牌县教育局党组", 2024, ["measures"]),  # the title only in the page's list, run into - 文号:
    "79": (None, None, 2024, ["measures"]),
    "80": ("呼中区教育局关于2025年度法治政府建设工作报告", "呼中区教育局", 2025, ["measures"]),
    "81": (None, None, 2023, ["measures"]),
    "82": (None, None, 2023, ["measures"]),
    "83": ("2023年法治政府建设工作年度报告", "广元市人力资源和社会保障局", 2023, ["measures"]),  # the title twice: the page's, then the document's with its issuer above
    "84": (None, None, 2023, ["measures", "measures"]),
    "85": ("济南市历下区建筑新村街道 2024年度法治政府建设报告", None, 2024, ["first_responsible", "measures"]),
    "86": (None, None, 2024, ["measures"]),
    "87": ("利通区上桥镇2023年法治政府建设情况报告", None, 2023, ["measures"]),
    "88": (None, None, 2023, ["measures", "measures"]),
    "89": (None, None, 2025, ["measures"]),
    "90": (None, None, 2024, ["measures"]),  # an excerpt of a page with its line breaks lost, too short to be taken as flattened
    "91": (None, None, 2023, ["measures"]),
    "92": ("宝鸡市陈仓区2025年度法治政府建设工作总结", None, 2025, ["measures"]),
    "93": (None, None, 2023, ["measures"]),
    "94": (None, None, 2023, ["measures"]),
    "95": (None, None, 2024, ["measures"]),
    "96": ("紫金县农业农村局2024年法治政府建设年度报告", "紫金县农业农村局", 2024, ["measures"]),
    "97": ("湖南省农业农村厅2023年法治政府建设年度报告", "湖南省农业农村厅", 2023, ["measures"]),
    "98": ("厦门市文化和旅游局关于2024年法治政府建设情况的报告", "厦门市文化和旅游局", 2024, ["measures"]),  # the title under • 成文日期:2025-02-28
    "99": ("明溪县文体和旅游局2025年度法治政府建设情况报告", "明溪县文体和旅游局", 2025, ["measures"]),
    "100": ("关于2025年度法治政府建设情况的报告", "公主岭市文化广播电视和旅游局", 2025, ["measures"]),
    "101": (None, None, 2024, ["measures"]),
    "102": (None, None, 2024, ["measures"]),
    "103": (None, None, 2023, ["measures"]),
    "104": ("市水务局2025年度法治政府建设情况报告", "市水务局", 2025, ["measures"]),  # a web page's 2026-01-20 17:01 / 武汉市水务局 above the title is no part of it
    "105": ("2024年法治政府建设年度报告", "望都县人民政府", 2024, ["measures"]),
    "106": ("王河镇人民政府关于2025年法治政府建设的报告", "王河镇人民政府", 2025, ["measures"]),
    "107": (None, None, 2023, ["measures"]),
    "108": ("鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告", "鲤城区人民政府金龙街道办事处", 2022, ["measures"]),  # one body: a district's street office
    "109": (None, None, 2022, ["measures"]),
    "110": (None, None, 2024, ["measures"]),
    "111": ("吉水镇2024年法治政府建设年度报告", None, 2024, ["measures"]),
    "112": (None, None, 2025, ["measures"]),
    "113": (None, None, 2023, ["measures"]),
    "114": ("古丈县司法局 关于2024年度法治政府建设情况的报告", "古丈县司法局", 2024, ["measures"]),
    "115": (None, None, 2024, ["measures"]),
    "116": ("下陆区民政局2025年度法治政府建设年度报告", "下陆区民政局", 2025, ["measures"]),
    "117": (None, None, 2024, ["measures"]),
    "118": (None, None, 2025, ["measures"]),
    "119": (None, None, 2025, ["measures"]),
    "120": (None, None, 2024, ["measures"]),
    "121": ("关于2024年度法治政府建设工作的报告", "仁和镇人民政府", 2024, ["measures"]),
    "122": ("六郎镇2024年法治政府建设年度报告", None, 2024, ["measures"]),
    "123": (None, None, 2022, ["measures"]),
    "124": ("2022年绿塘乡法治政府建设工作报告", None, 2022, ["measures"]),
    "125": ("关于法治政府建设的情况报告", "大河乡人民政府", 2025, ["measures", "measures", "measures"]),
    "126": ("城口县鸡鸣乡人民政府2025年法治政府建设情况报告", "城口县鸡鸣乡人民政府", 2025, ["measures"]),  # the title under eight lines of the page's information list
    "127": ("中村乡人民政府关于2022年法治政府建设工作情况报告", "中村乡人民政府", 2022, ["measures"]),
    "128": (None, None, 2025, ["measures"]),
    "129": ("关于2025年法治政府建设情况的报告", None, 2025, ["measures"]),  # the issuers' line ran into the list's last row (| 生成日期 | … 11:19:10 |)
    "130": (None, None, 2025, ["measures"]),
    "131": ("贤庠镇人民政府关于2022年度法治政府建设情况的报告", "贤庠镇人民政府", 2022, ["measures", "measures"]),
    "132": (None, None, 2024, ["measures"]),
    "133": ("2024年法治政府建设工作报告", "重庆市铜梁区人民政府东城街道办事处", 2024, ["measures", "measures"]),
    "134": ("长沙市天心区坡子街街道办事处2022年法治政府建设年度报告", "长沙市天心区坡子街街道办事处", 2022, ["measures"]),
    "135": ("留下街道2022年度法治政府建设工作报告", None, 2022, ["measures", "measures"]),
    "136": (None, None, 2023, ["measures"]),
    "137": (None, None, 2024, ["measures"]),
    "138": ("济南市莱芜区2024年度法治政府建设报告", None, 2024, ["first_responsible"]),
    "139": ("济南市市中区2024年度法治政府建设情况报告", None, 2024, ["measures"]),
    "140": ("关于2025年度法治政府建设情况的报告", "灵寿县人民政府", 2025, ["measures", "measures", "measures"]),
    "141": (None, None, 2022, ["measures", "measures"]),
    "142": ("浑源县2025年法治政府建设年度报告", None, 2025, ["measures"]),
    "143": (None, None, 2023, ["measures"]),
    "144": ("周至县2025年度法治政府建设情况报告", None, 2025, ["measures"]),
    "145": (None, None, 2024, ["measures"]),
    "146": ("2025年陇西县法治政府建设情况", None, 2025, ["measures"]),
    "147": ("叶城县2023年度法治政府建设工作报告", None, 2023, ["measures"]),
    "148": (None, None, 2025, ["measures"]),
    "149": (None, None, 2024, ["measures"]),
    "150": ("大竹县2024年法治政府建设工作报告", None, 2024, ["measures"]),
    # the title only in the list's 标 题: field, under a menu line (>>)
    "151": ("中共东昌区委东昌区人民政府关于2024年度法治政府建设工作情况的报告", "中共东昌区委 东昌区人民政府", 2024, ["measures"]),
    "152": ("柳城县2023年法治政府建设年度报告", None, 2023, ["measures"]),
    "153": ("海口市人民政府2022年法治政府建设情况报告", "海口市人民政府", 2022, ["measures"]),
    "154": (None, None, 2025, ["measures", "measures"]),
    "155": ("沈阳市人民政府关于2025年法治政府建设情况的报告", "沈阳市人民政府", 2025, ["measures"]),
    "156": ("六盘水市人民政府关于2024年度法治政府建设情况的报告", "六盘水市人民政府", 2024, ["measures"]),
    "157": ("宁夏回族自治区2022年度法治政府建设工作报告", None, 2022, ["measures"]),
    "158": (None, None, 2025, ["measures"]),
    "159": ("鱼峰区审计局2025年法治政府建设年度报告", "鱼峰区审计局", 2025, ["measures"]),
    "160": ("五华区退役军人事务局2025年法治政府建设工作情况", "五华区退役军人事务局", 2025, ["measures"]),
    "161": (None, None, 2025, ["measures"]),
    "162": (None, None, 2024, ["measures"]),
    "163": (None, None, 2024, ["measures"]),
    "164": ("绿春县林草局2024年度法治政府建设年度报告", "绿春县林业和草原局", 2024, ["measures"]),  # under eleven lines of the page; its column • 法治政府 is no issuer
    "165": (None, None, 2024, ["measures"]),
    "166": ("重庆市大足区城市管理局2024年法治政府建设情况报告", "重庆市大足区城市管理局", 2024, ["measures"]),
    "167": ("甘州区城市管理局 关于2025年法治政府建设情况的报告", "甘州区城市管理局", 2025, ["measures"]),
    "168": (None, None, 2024, ["measures"]),
    "169": (None, None, 2024, ["measures"]),
    "170": ("武汉经开区统计局关于2025年度法治政府建设情况的报告", "武汉经开区统计局", 2025, ["measures"]),
    "171": ("小河镇人民政府关于2024年法治政府建设情况的报告", "小河镇人民政府", 2024, ["first_responsible"]),
    "172": (None, None, 2024, ["measures"]),
    "173": (None, None, 2024, ["measures", "measures"]),
    "174": ("关于那曲市色尼区2025年度法治政府建设情况的报告", None, 2025, ["measures"]),  # the title on two lines
    "175": ("关于2021年度法治政府建设工作情况的报告", "海东市人民政府", 2021, ["measures"]),
    "176": ("关于2022年法治政府建设情况的报告", "中共海南省委 海南省人民政府", 2022, ["measures"]),
    "177": ("南昌县政府2021年度法治政府建设工作报告", "南昌县政府", 2021, ["measures"]),
    "178": (None, None, 2022, ["measures"]),
    "179": (None, None, 2022, ["measures"]),
    "180": ("河东区人民政府2022年法治政府建设情况报告", "天津市河东区人民政府", 2022, ["measures"]),
    "181": ("海滨街道2025年法治政府建设情况报告", None, 2025, ["measures"]),
    "182": (None, None, 2022, ["measures"]),
    "183": (None, None, 2022, ["measures"]),
    "184": (None, None, 2022, ["measures"]),
    "185": ("北京市2022年法治政府建设年度情况报告", None, 2022, ["measures"]),
    "186": ("2021年上海市法治政府建设情况报告", None, 2021, ["measures"]),
    "187": (None, None, 2021, ["measures"]),
    "188": ("吉林市2022年度法治政府建设工作报告", None, 2022, ["measures"]),
    "189": ("长春市人民政府2022年度法治政府建设情况报告", "长春市人民政府", 2022, ["measures"]),
    "190": (None, None, 2021, ["measures"]),
    "191": (None, None, 2023, ["measures"]),
    "192": (None, None, 2024, ["measures"]),
    "193": (None, None, 2022, ["measures"]),
    "194": ("重庆市城市管理局关于 2022年度法治政府建设情况的报告", "重庆市城市管理局", 2022, ["measures"]),
    "195": (None, None, 2021, ["measures"]),
    "196": (None, None, 2023, ["measures"]),
    "197": ("经济技术开发区管理委员会关于 2022年法治政府建设情况报告", "经济技术开发区管理委员会", 2022, ["measures"]),
    "198": ("天津滨海高新区2021年法治政府建设报告", None, 2021, ["measures"]),
    "199": (None, None, 2023, ["measures"]),
    "200": (None, None, 2024, ["measures"]),
    "201": ("郑州市教育局关于2022年法治政府建设工作情况的报告", "郑州市教育局", 2022, ["measures", "measures"]),
    "202": (None, None, 2025, ["measures"]),
    "203": (None, None, 2021, ["measures"]),
    "204": ("大连市2023年法治政府建设情况报告", None, 2023, ["measures"]),
    "205": ("太原市2024年法治政府建设年度报告", None, 2024, ["measures"]),
    "206": ("2022年度法治政府建设报告", "中共青岛市交通运输局党组", 2022, ["shortcomings"]),  # 一、…主要举措、成效和不足: the work and the shortcomings in one section
    "207": ("郑州市交通运输局2022年法治政府建设工作开展情况报告", "郑州市交通运输局", 2022, ["measures"]),
    "208": ("武汉市司法局2022年度推进法治政府建设情况报告", "武汉市司法局", 2022, ["measures"]),
    "209": (None, None, 2024, ["measures", "measures"]),
    "210": (None, None, 2024, ["measures"]),
    "211": (None, None, 2023, ["measures"]),
    "212": (None, None, 2021, ["measures"]),
    "213": ("控江路街道2022年度法治政府建设 工作情况报告", None, 2022, ["measures"]),
    "214": ("2024年度新江湾城街道法治政府建设工作报告", None, 2024, ["measures"]),  # a page's list: the title, then the date it was posted
    "215": ("大东区2022年法治政府建设情况的报告", None, 2022, ["measures"]),
    "216": ("沈阳市人民政府关于2022年法治政府建设情况的报告", "沈阳市人民政府", 2022, ["measures"]),
    "217": ("铁石乡2024年度法治政府建设工作情况报告", None, 2024, ["measures"]),
    "218": (None, None, 2025, ["measures"]),  # no title: the excerpt starts with the body
    "219": ("天津市滨海新区杭州道街道办事处2023年法治政府建设工作报告", "天津市滨海新区杭州道街道办事处", 2023, ["measures"]),
    "220": (None, None, 2023, ["measures"]),
    "221": (None, None, 2023, ["measures"]),
    "222": (None, None, 2022, ["measures"]),
    "223": ("年度报告", None, 2025, ["measures"]),  # the title as published, with a stray space
    "224": ("碧土乡2024年法治政府建设情况报告", None, 2024, ["measures"]),
    "225": (None, None, 2024, ["measures"]),
    "226": (None, None, 2022, ["measures"]),
    "227": ("呼兰区2023年法治政府建设情况的报告", None, 2023, ["measures"]),
    "228": ("汉中市汉台区七里街道办事处2021年度法治政府建设工作报告", "汉中市汉台区七里街道办事处", 2021, ["measures"]),
    "229": (None, None, 2022, ["measures"]),
    "230": (None, None, 2024, ["measures"]),
    "231": (None, None, 2024, ["first_responsible", "measures"]),
    "232": ("2022年度法治政府建设情况报告", "赵县人民政府", 2022, ["measures"]),  # the issuer on its own line above the title (a reposting site)
    "233": (None, None, 2021, ["measures"]),
    "234": (None, None, 2024, ["measures"]),
    "235": ("羊庄镇2025年法治政府建设报告", None, 2025, ["first_responsible"]),
    "236": (None, None, 2025, ["first_responsible"]),  # the title only in a copied table's row (| 标题: | … |); a spam line above it taken out
    "237": ("虎跳峡镇人民政府2025年法治政府建设工作报告", "虎跳峡镇人民政府", 2025, ["measures"]),
    "238": ("关于2021年度法治政府建设情况的报告", "重庆市梁平区聚奎镇人民政府", 2021, ["measures"]),  # the title written twice: the page's heading on one line, the document's with its issuer above it
    "239": ("天津市滨海新区应急管理局2025年度法治政府建设情况报告", "天津市滨海新区应急管理局", 2025, ["measures"]),
    "240": (None, None, 2023, ["measures"]),  # no title: 字号: 大 中 小, then the addressee
    "241": ("西湖区文化广电旅游局2023年法治政府建设年度报告", "西湖区文化广电旅游局", 2023, ["measures"]),
    "242": ("广州市公安局增城区分局关于2023年度法治政府建设情况的报告", "广州市公安局增城区分局", 2023, ["measures"]),  # a city bureau's district sub-bureau: one issuer
    "243": ("奉贤区档案局2023年度法治政府建设情况报告", "奉贤区档案局", 2023, ["measures"]),  # the page's 信息来源:/发布时间: fields on the title's line
    "244": (None, None, 2025, ["measures"]),
    "245": ("湖南省财政厅2023年度法治政府建设报告", "湖南省财政厅", 2023, ["measures"]),
    "246": (None, None, 2022, ["measures"]),
    "247": (None, None, 2024, ["measures"]),
    "248": (None, None, 2024, ["measures"]),
    "249": (None, None, 2024, ["measures"]),
    "250": ("吉林省政务服务和数字化建设管理局关于2022年度法治政府建设情况的报告", "吉林省政务服务和数字化建设管理局", 2022, ["measures"]),
    "251": ("融水苗族自治县水利局2024年度法治政府建设年度报告", "融水苗族自治县水利局", 2024, ["measures"]),
    "252": (None, None, 2023, ["measures"]),
    "253": ("缙云县人力资源和社会保障局2024年度法治政府建设情况的报告", "缙云县人力资源和社会保障局", 2024, ["measures"]),
    "254": (None, None, 2023, ["measures"]),
    "255": (None, None, 2023, ["measures"]),
    "256": (None, None, 2023, ["measures"]),
    "257": ("西安市莲湖区住房和城市建设局2024年法治政府建设工作报告", "西安市莲湖区住房和城市建设局", 2024, ["measures"]),
    "258": ("济南市生态环境局2024年度法治政府建设报告", "济南市生态环境局", 2024, ["first_responsible"]),  # the page's list copied with dashes as bullets (- 标题: …)
    "259": ("亳州市生态环境局关于2024年度法治政府建设情况的报告", "亳州市生态环境局", 2024, ["measures"]),
    "260": (None, None, 2022, ["measures"]),
    # a mirror in traditional characters; the excerpt runs on into the shortcomings
    "261": ("小龍門鄉2024年法治政府建設情況報告", None, 2024, ["measures", "shortcomings"]),
    # an eighth batch, read blind by four helpers (SOURCE.md)
    "262": (None, None, 2025, ["first_responsible", "measures"]),
    "263": ("望疃镇2025年法治政府建设情况报告", None, 2025, ["measures"]),
    "264": ("石鼻镇2024年法治政府建设工作情况报告", "中共石鼻镇委员会 石鼻镇人民政府", 2024, ["measures"]),
    "265": ("殷祖镇2024年法治政府建设工作总结", None, 2024, ["measures"]),
    "266": (None, None, 2024, ["measures", "measures"]),  # 在2023年工作基础上…现将我镇2024年…报告如下: the year the formula names
    "267": ("滑县万古镇人民政府关于2025年法治政府建设情况的报告", "滑县万古镇人民政府", 2025, ["measures"]),
    "268": (None, None, 2024, ["measures"]),
    "269": (None, None, 2024, ["first_responsible"]),
    "270": ("鲍沟镇2025年度法治政府建设情况报告", None, 2025, ["measures"]),
    "271": ("中共大马营镇委员会 大马营镇人民政府关于2025年法治政府建设情况的报告", "中共大马营镇委员会 大马营镇人民政府", 2025, ["measures"]),
    "272": (None, None, 2024, ["measures"]),
    "273": ("西安市退役军人事务局2023年法治政府建设年度报告", "西安市退役军人事务局", 2023, ["first_responsible", "measures"]),
    "274": (None, None, 2024, ["measures"]),
    "275": ("泾县林业局2022年法治政府建设情况的报告", "泾县林业局", 2022, ["measures"]),
    "276": ("2024年度交通运输法治政府建设工作总结", "湖州市交通运输局", 2024, ["measures"]),  # a cover letter (…特此报告。/ 某局 / 2025年1月15日) above a title set on two lines
    "277": (None, None, 2024, ["first_responsible", "measures"]),
    "278": ("明溪县应急管理局2024年法治政府建设情况报告", "明溪县应急管理局", 2024, ["measures"]),
    "279": (None, None, None, ["measures"]),  # no year in the excerpt (the address says 2023)
    "280": ("武汉市市场监管局2022年法治政府建设年度报告", "武汉市市场监管局", 2022, ["measures"]),
    "281": ("沅陵县应急管理局2024年法治政府建设工作情况报告", "沅陵县应急管理局", 2024, ["measures"]),
    "282": ("融安县2024年法治政府建设年度报告", None, 2024, ["measures"]),
    "283": (None, None, 2023, ["measures"]),
    "284": ("紫云自治县2024年度法治政府建设工作报告", None, 2024, ["measures"]),
    "285": ("原州区2024年法治政府建设年度报告", None, 2024, ["measures"]),
    "286": ("海东市2022年度法治政府建设工作情况的报告", None, 2022, ["measures"]),
    "287": ("高新区(新市区)人民政府2024年法治政府建设工作报告", "高新区(新市区)人民政府", 2024, ["measures", "measures", "measures"]),
    "288": (None, None, 2023, ["measures", "measures"]),
    "289": (None, None, 2023, ["measures"]),
    "290": ("三亚市人民政府关于2024年度法治政府建设工作情况的报告", "三亚市人民政府", 2024, ["measures"]),
    "291": ("沈阳市人民政府关于2021年法治政府建设情况的报告", "沈阳市人民政府", 2021, ["measures"]),
    "292": ("福州市2025年法治政府建设情况", None, 2025, ["measures"]),
    "293": (None, None, 2021, ["measures"]),
    "294": ("广东省司法厅关于2022年度法治政府建设情况的报告", "广东省司法厅", 2022, ["measures"]),
    "295": (None, None, 2022, ["measures", "measures"]),
    "296": ("重庆市发展和改革委员会关于2023年法治政府建设情况的报告", "重庆市发展和改革委员会", 2023, ["first_responsible"]),
    "297": (None, None, 2024, ["measures", "measures", "measures"]),
    "298": (None, None, 2023, ["measures"]),
    "299": (None, None, 2021, ["measures", "measures"]),
    "300": (None, None, 2024, ["measures"]),  # the store's ?? in the table's labels (標????題) hide the title field
    "301": (None, None, 2025, ["measures"]),
}


def test_every_opening_is_pinned() -> None:
    assert sorted(p.stem for p in OPENINGS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_opening(engine: Engine, name: str) -> None:
    path = OPENINGS / f"{name}.txt"
    report = engine.check_path(path, path.name, 10**7)
    assert report.meta is not None and report.outline is not None
    kinds = [s.kind for s in report.outline if s.level == 1 and s.kind != "preamble"][:3]
    got = (report.meta.title, report.meta.issuer, report.meta.report_year, kinds)
    assert got == EXPECTED[name]
