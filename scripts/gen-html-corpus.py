#!/usr/bin/env python3
"""Writes a synthetic chat-export web page for the HTML ingest benchmark.

usage: gen-html-corpus.py OUT_FILE TOTAL_MB

Deterministic (fixed seed): the same arguments always give the same bytes. Each message is one
line, `<div class="msg"><span class="time">…</span> <span class="sender">…</span><p class="content">…</p></div>`,
mostly ordinary business talk with a small share that trips the shipped lexicons. The head holds
a style sheet and a script (never visible text), as saved pages do. All text is synthetic.
"""
import random
import sys

ORDINARY = [
    "明天上午十点开会，记得带上周的报表",
    "接口都做了AES加密，数据库每天凌晨备份",
    "订单表里的重复订单我已经删除了",
    "首页的大转盘抽奖活动下周上线",
    "合同我发你邮箱了，看一下第三条",
    "发票已经开好了，对公账户转账就行",
    "小程序的审核被打回来了，说图标不清楚",
    "服务器续费了一年，阿里云的",
    "这个需求排期到下个迭代",
    "测试环境又挂了，帮忙看一下日志",
    "晚上一起吃饭吗，楼下新开了一家湘菜",
    "周报记得写，周五下班前交",
    "APP双端报价三万五，工期六周",
    "样品明天顺丰寄出，单号稍后发你",
    "客户说界面颜色再淡一点 &amp; 字体大一号",
    "好的，收到",
    "[图片]",
    "[语音]",
]
SIGNAL = [
    "做一个菠菜平台，后台要能控制输赢",
    "钱用U结算，不走公账，合同就不签了",
    "以后别用微信说这些，加我飞机，聊天记录删掉，免得被查",
    "我们有防红方案，域名轮换，被封了自动切换",
    "充值的钱后台设置成不能提现",
]
NAMES = ["小李", "老周", "阿强", "王姐", "陈工", "刘总"]

HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>聊天记录导出</title>
<style>.msg { margin: 4px 0; } .time { color: #999; } .sender { font-weight: bold; }</style>
<script>var exported = "<p>不是正文</p>";</script>
</head>
<body>
<h1>与 客户群 的聊天记录</h1>
"""
TAIL = "</body>\n</html>\n"


def main():
    out, total_mb = sys.argv[1], int(sys.argv[2])
    size = total_mb * 1024 * 1024
    rnd = random.Random(20230501)
    t = 1_677_600_000
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEAD)
        written = len(HEAD.encode("utf-8"))
        while written < size:
            t += rnd.randrange(5, 900)
            lt = t + 8 * 3600
            secs = lt % 86400
            day = lt // 86400 - 19417
            stamp = f"2023-{3 + day // 28 % 9:02d}-{1 + day % 28:02d} {secs // 3600:02d}:{secs % 3600 // 60:02d}:{secs % 60:02d}"
            body = rnd.choice(SIGNAL) if rnd.random() < 0.005 else rnd.choice(ORDINARY)
            if rnd.random() < 0.05:
                body += "<br>" + rnd.choice(ORDINARY)
            record = (
                f'<div class="msg"><span class="time">{stamp}</span> <span class="sender">{rnd.choice(NAMES)}</span>'
                f'<p class="content">{body}</p></div>\n'
            )
            f.write(record)
            written += len(record.encode("utf-8"))
        f.write(TAIL)


if __name__ == "__main__":
    main()
