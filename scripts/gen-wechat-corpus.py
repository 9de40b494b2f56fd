#!/usr/bin/env python3
"""Writes a synthetic corpus of MemoTrace WeChat TXT exports for benchmarks.

usage: gen-wechat-corpus.py OUT_DIR TOTAL_MB [FILES]

Deterministic (fixed seed): the same arguments always give the same bytes. Messages are mostly
ordinary business talk with a small share of lines that trip the shipped lexicons, so the
benchmark exercises both the automaton's miss path and rule verification. All text is synthetic.
"""
import os
import random
import sys

ORDINARY = [
    "明天上午十点开会，记得带上周的报表",
    "接口都做了AES加密，数据库每天凌晨备份",
    "订单表里的重复订单我已经删除了",
    "首页的大转盘抽奖活动下周上线",
    "今天银行外汇牌价又变了",
    "后台控制优惠券发放的数量，运营那边要的",
    "车手这周比赛拿了第一",
    "工地的料今天才到",
    "下周坐飞机去深圳出差",
    "新手机跑分有一百多万",
    "合同我发你邮箱了，看一下第三条",
    "发票已经开好了，对公账户转账就行",
    "小程序的审核被打回来了，说图标不清楚",
    "服务器续费了一年，阿里云的",
    "这个需求排期到下个迭代",
    "测试环境又挂了，帮忙看一下日志",
    "晚上一起吃饭吗，楼下新开了一家湘菜",
    "周报记得写，周五下班前交",
    "APP双端报价三万五，工期六周",
    "好的，收到",
    "[图片]",
    "[语音]",
]
SIGNAL = [
    "做一个菠菜平台，后台要能控制输赢",
    "钱用U结算，不走公账，合同就不签了",
    "以后别用微信说这些，加我飞机，聊天记录删掉，免得被查",
    "我们有防红方案，域名轮换，被封了自动切换",
    "投诉的不用理，把举报的账号拉黑就行",
    "充值的钱后台设置成不能提现",
]
NAMES = ["小李", "老周", "阿强", "王姐", "陈工", "刘总"]


def chat_file(path, size, rnd):
    t = 1_677_600_000 + rnd.randrange(10_000_000)
    a, b = rnd.sample(NAMES, 2)
    written = 0
    with open(path, "w", encoding="utf-8") as f:
        while written < size:
            t += rnd.randrange(5, 900)
            lt = t + 8 * 3600
            days, secs = divmod(lt, 86400)
            y, m, d = civil(days)
            stamp = f"{y:04d}-{m:02d}-{d:02d} {secs // 3600:02d}:{secs % 3600 // 60:02d}:{secs % 60:02d}"
            body = rnd.choice(SIGNAL) if rnd.random() < 0.01 else rnd.choice(ORDINARY)
            if rnd.random() < 0.05:
                body += "\n" + rnd.choice(ORDINARY)
            record = f"{stamp} {rnd.choice((a, b))}\n{body}\n\n"
            f.write(record)
            written += len(record.encode("utf-8"))


def civil(days):
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (1 if m <= 2 else 0), m, d


def main():
    out, total_mb = sys.argv[1], int(sys.argv[2])
    files = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, total_mb // 5)
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(20230301)
    per_file = total_mb * 1024 * 1024 // files
    for i in range(files):
        chat_file(os.path.join(out, f"chat-{i:04d}.txt"), per_file, rnd)


if __name__ == "__main__":
    main()
