#!/usr/bin/env python3
"""Writes a synthetic single-file chat export of about SIZE_MB MB for scripts/bench-exports.

usage: gen-export-corpus.py KIND PATH SIZE_MB
       KIND: telegram | pywxdump | whatsapp-txt | wechatexporter-txt | qq-txt | qq-mht

telegram: a Telegram Desktop result.json (one chat, pretty-printed as Telegram writes it);
pywxdump: a PyWxDump `<wxid>_0_N.json` message list (indent 4);
whatsapp-txt: a WhatsApp Android "Export chat" TXT (`d/m/yy, H:MM - name: text`), with
multi-line messages, omitted media and system notices;
wechatexporter-txt: a WechatExporter `index.txt` (`name (YYYY-MM-DD HH:MM:SS):body`), with
multi-line messages, transfers with a memo line and recall notices;
qq-txt: a QQ message-manager "export all" TXT: a friend block and a group block, then the
最近联系人 block repeating part of the friend chat (cited once), multi-line messages;
qq-mht: a QQ message-manager MHT (HTML part of date and message rows, one image part).
Everyday talk with an occasional message that trips the lexicons. Deterministic; all names and
ids are synthetic.
"""
import datetime
import json
import sys

TEXTS = [
    "接口今晚给你", "订单表里的重复订单我已经删除了", "明天上午开会，记得带电脑", "服务器续费了吗",
    "这个需求下周再说", "好的，收到", "测试环境又挂了，帮忙看一下日志", "合同我发你邮箱了，看一下第三条",
    "接口做了AES加密，密钥单独发你", "银行外汇牌价今天又变了", "网警打过招呼了，没理他们，换个域名照常",
]
NAMES = ["老周", "小李", "王姐", "阿强"]


def telegram(count):
    messages = [
        {"id": i + 1, "type": "message", "date": "2023-05-%02dT%02d:%02d:%02d" % (1 + i // 86400 % 28, i // 3600 % 24, i // 60 % 60, i % 60),
         "date_unixtime": str(1682899200 + i), "from": NAMES[i % 4], "from_id": "user%d" % (1000 + i % 4),
         "text": TEXTS[i % len(TEXTS)] + "，第%d条" % i, "text_entities": [{"type": "plain", "text": TEXTS[i % len(TEXTS)]}]}
        for i in range(count)]
    return json.dumps({"name": "项目群", "type": "private_group", "id": 123456, "messages": messages}, ensure_ascii=False, indent=1)


def pywxdump(count):
    rows = [
        {"id": i + 1, "MsgSvrID": str(7000000000000000000 + i), "type_name": "文本", "is_sender": i % 2,
         "talker": "wxid_demo_peer01" if i % 2 == 0 else "wxid_demo_self00", "room_name": "wxid_demo_peer01",
         "msg": TEXTS[i % len(TEXTS)] + "，第%d条" % i, "src": "", "extra": {}, "CreateTime": "2024-06-01 08:00:00"}
        for i in range(count)]
    return json.dumps(rows, ensure_ascii=False, indent=4)


def stamps(count):
    """A time for each of `count` messages, 37 seconds apart from 2023-05-01 08:00:00."""
    start = datetime.datetime(2023, 5, 1, 8, 0, 0)
    return (start + datetime.timedelta(seconds=37 * i) for i in range(count))


def whatsapp_txt(count):
    lines = []
    for i, t in enumerate(stamps(count)):
        header = "%d/%d/%02d, %d:%02d - " % (t.day, t.month, t.year % 100, t.hour, t.minute)
        if i % 997 == 0:
            lines.append(header + "Messages and calls are end-to-end encrypted. No one outside of this chat can read them.")
        elif i % 23 == 5:
            lines.append(header + NAMES[i % 4] + ": <Media omitted>")
        elif i % 17 == 3:
            lines.append(header + NAMES[i % 4] + ": " + TEXTS[i % len(TEXTS)] + "\n第%d条，补充一句\n\n" % i + TEXTS[(i + 3) % len(TEXTS)])
        else:
            lines.append(header + NAMES[i % 4] + ": " + TEXTS[i % len(TEXTS)] + "，第%d条" % i)
    return "\n".join(lines) + "\n"


def wechatexporter_txt(count):
    lines = ["项目群 - 微信聊天记录", ""]
    for i, t in enumerate(stamps(count)):
        header = "%s (%s):" % (NAMES[i % 4], t.strftime("%Y-%m-%d %H:%M:%S"))
        if i % 211 == 7:
            lines.append('"%s" 撤回了一条消息' % NAMES[(i + 1) % 4])
        elif i % 53 == 11:
            lines.append(header + "微信转账 ￥%d.00 - 转账" % (100 + i % 900))
            lines.append("第%d笔，服务器续费" % i)
        elif i % 17 == 3:
            lines.append(header + TEXTS[i % len(TEXTS)])
            lines.append("第%d条，补充一句" % i)
            lines.append("")
            lines.append(TEXTS[(i + 3) % len(TEXTS)])
        else:
            lines.append(header + TEXTS[i % len(TEXTS)] + "，第%d条" % i)
    return "\n".join(lines) + "\n"


QQ_SEPARATOR = "=" * 64


def qq_sender(i):
    return ["老周(10001)", "小李(10002)", "【管理员】王姐(10003)", "阿强<a@example.com>"][i % 4]


def qq_txt(count):
    def block(group, target, times):
        lines = [QQ_SEPARATOR, "消息分组:" + group, QQ_SEPARATOR, "消息对象:" + target, QQ_SEPARATOR, ""]
        for i, t in times:
            lines.append("%s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), qq_sender(i)))
            lines.append(TEXTS[i % len(TEXTS)] + "，第%d条" % i)
            if i % 17 == 3:
                lines.append("补充一句")
            lines.append("")
        return lines
    timed = list(enumerate(stamps(count)))
    friend = timed[: count * 2 // 5]
    group = timed[count * 2 // 5: count * 4 // 5]
    recent = friend[: count // 5]
    lines = ["消息记录（此消息记录为文本格式，不支持重新导入）", ""]
    lines += block("我的好友", "老周", friend) + block("我的QQ群", "项目群", group) + block("最近联系人", "老周", recent)
    return "\n".join(lines) + "\n"


def qq_mht_pictures(count):
    """A QQ MHT export as QQ writes it when the chat has pictures: the HTML part, then one
    base64 picture part (about 60 KB) per 20 messages, so most of the file is pictures."""
    text = qq_mht(count)
    boundary = "----=_NextPart_DEMO_0001"
    head = text[: text.rindex("--" + boundary + "--")]
    line = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwc"
    picture = "\r\n".join([line] * 600)
    parts = ["--%s\r\nContent-Type:image/jpeg\r\nContent-Location:{%08d-0000-0000-0000-000000000002}.dat\r\n"
             "Content-Transfer-Encoding:base64\r\n\r\n%s\r\n" % (boundary, i, picture) for i in range(count // 20)]
    return head + "".join(parts) + "--" + boundary + "--\r\n"


def qq_mht(count):
    rows = ['<tr><td><div style=padding-left:10px;>消息分组:我的QQ群</div></td></tr>',
            '<tr><td><div style=padding-left:10px;>消息对象:项目群</div></td></tr>']
    day = None
    for i, t in enumerate(stamps(count)):
        if t.date() != day:
            day = t.date()
            rows.append('<tr><td style=border-bottom-width:1px;color:#3568BB;font-weight:bold;>日期: %d/%d/%d</td></tr>'
                        % (t.year, t.month, t.day))
        body = "<font color='000000'>%s，第%d条</font>" % (TEXTS[i % len(TEXTS)], i)
        if i % 17 == 3:
            body += "<br><font color='000000'>补充一句</font>"
        rows.append('<tr><td><div style=color:#006EFE;padding-left:10px;><div style=float:left;margin-right:6px;>%s</div>%d:%02d:%02d</div>'
                    '<div style=padding-left:20px;>%s</div></td></tr>' % (qq_sender(i).replace("<", "&lt;").replace(">", "&gt;"), t.hour, t.minute, t.second, body))
    boundary = "----=_NextPart_DEMO_0001"
    head = ["From: <Save by Tencent MsgMgr>", "Subject: Tencent IM Message", "MIME-Version: 1.0",
            'Content-Type:multipart/related;\r\n\tcharset="utf-8"\r\n\ttype="text/html";\r\n\tboundary="%s"' % boundary, "",
            "--" + boundary, "Content-Type:text/html", "Content-Transfer-Encoding:7bit", "",
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><title>QQ Message</title></head>'
            '<body><table width=100% cellspacing=0>']
    tail = ["</table></body></html>", "", "--" + boundary, "Content-Type:image/jpeg",
            "Content-Location:{00000000-0000-0000-0000-000000000001}.dat", "Content-Transfer-Encoding:base64", "",
            "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA==", "", "--" + boundary + "--", ""]
    return "\r\n".join(head + rows + tail)


def main():
    kind, path, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    make = {"telegram": telegram, "pywxdump": pywxdump, "whatsapp-txt": whatsapp_txt,
            "wechatexporter-txt": wechatexporter_txt, "qq-txt": qq_txt, "qq-mht": qq_mht, "qq-mht-pictures": qq_mht_pictures}[kind]
    per_message = len(make(1000).encode()) / 1000
    text = make(int(size_mb * 1024 * 1024 / per_message))
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main()
