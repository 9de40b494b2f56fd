#!/usr/bin/env python3
"""Writes a synthetic corpus of MemoTrace WeChat TXT exports for benchmarks.

usage: gen-wechat-corpus.py OUT_DIR TOTAL_MB [FILES] [--dense]

Deterministic (fixed seed): the same arguments always give the same bytes. Messages are mostly
ordinary talk, with small shares of everyday uses of slang (which must stay silent), of neutral-help
wording and of lines that trip the shipped lexicons (see MIX), so the benchmark exercises both the
automaton's miss path and rule verification. --dense writes the finding-dense mix. All text is synthetic.
"""
import os
import random
import sys

# Everyday chat, composed from parts so that the corpus holds many distinct sentences. None of it
# should trip a rule.
SUBJECTS = ["我", "你", "老板", "客户", "财务", "运营", "前端", "测试", "物业", "快递小哥", "孩子老师", "房东"]
ACTIONS = [
    "下午三点前把报表发过来", "明天上午十点开会", "周五前把需求文档改完", "把发票寄到公司前台",
    "晚上七点在楼下等", "这周要把测试用例补齐", "下周一去客户那边演示", "把会议纪要整理一下",
    "今天把快递签收了", "中午一起去食堂", "把上个月的考勤核对一下", "帮忙看一下测试环境的日志",
    "把新版本的安装包传到群里", "记得续一下停车月卡", "把样品寄给供应商", "周末去看房子",
]
TAILS = ["", "，辛苦了", "，谢谢", "，别忘了", "。", "？", "，收到请回复", "，我晚点看", "，好吗", "～"]
SHORT = ["好的，收到", "[图片]", "[语音]", "[表情]", "哈哈哈", "行", "没问题", "稍等", "在吗", "嗯嗯",
         "明白", "马上到", "辛苦了", "好的老板", "OK", "收到，谢谢"]
# Everyday meanings of words that are slang elsewhere; a scan must stay silent on them.
TRAPS = [
    "接口都做了AES加密，数据库每天凌晨备份",
    "订单表里的重复订单我已经删除了",
    "首页的大转盘抽奖活动下周上线",
    "今天银行外汇牌价又变了",
    "后台控制优惠券发放的数量，运营那边要的",
    "车手这周比赛拿了第一",
    "工地的料今天才到",
    "下周坐飞机去深圳出差",
    "新手机跑分有一百多万",
    "小程序的审核被打回来了，说图标不清楚",
    "服务器续费了一年，阿里云的",
    "APP双端报价三万五，工期六周",
]
# What ordinary software business looks like when it is also exculpatory (neutral help).
NEUTRAL = ["发票已经开好了，对公账户转账就行", "合同我发你邮箱了，看一下第三条"]
SIGNAL = [
    "做一个菠菜平台，后台要能控制输赢",
    "钱用U结算，不走公账，合同就不签了",
    "以后别用微信说这些，加我飞机，聊天记录删掉，免得被查",
    "我们有防红方案，域名轮换，被封了自动切换",
    "投诉的不用理，把举报的账号拉黑就行",
    "充值的钱后台设置成不能提现",
]
# Shares of messages: signals 0.5 % (about the share of lines with a lexicon term in
# research/perf-anchors.md's corpus), everyday traps 2 %, neutral-help wording 1 %; --dense
# raises them to 1 %, 45 % and 9 % (the earlier corpus, nearly one finding per 17 messages).
MIX = {"signal": 0.005, "trap": 0.02, "neutral": 0.01}
DENSE = {"signal": 0.01, "trap": 0.45, "neutral": 0.09}
NAMES = ["小李", "老周", "阿强", "王姐", "陈工", "刘总"]


def message(rnd, mix):
    roll = rnd.random()
    if roll < mix["signal"]:
        return rnd.choice(SIGNAL)
    roll -= mix["signal"]
    if roll < mix["trap"]:
        return rnd.choice(TRAPS)
    roll -= mix["trap"]
    if roll < mix["neutral"]:
        return rnd.choice(NEUTRAL)
    if rnd.random() < 0.4:
        return rnd.choice(SHORT)
    return rnd.choice(SUBJECTS) + rnd.choice(ACTIONS) + rnd.choice(TAILS)


def chat_file(path, size, rnd, mix):
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
            body = message(rnd, mix)
            if rnd.random() < 0.05:
                body += "\n" + message(rnd, mix)
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
    args = [a for a in sys.argv[1:] if a != "--dense"]
    mix = DENSE if "--dense" in sys.argv else MIX
    out, total_mb = args[0], int(args[1])
    files = int(args[2]) if len(args) > 2 else max(1, total_mb // 5)
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(20230301)
    per_file = total_mb * 1024 * 1024 // files
    for i in range(files):
        chat_file(os.path.join(out, f"chat-{i:04d}.txt"), per_file, rnd, mix)


if __name__ == "__main__":
    main()
