localStorage.setItem('isUseLocalData', 't')  //  't' : 'f' 
const local_msg_count = 5
const local_mywxid = 'wxid_demo_self00' 
const local_user_list = {
    "wxid_demo_boss02": {
        "wxid": "wxid_demo_boss02",
        "nickname": "老板演示",
        "remark": "上家-演示",
        "account": "demo_boss",
        "describe": "",
        "headImgUrl": "",
        "ExtraBuf": {},
        "LabelIDList": [],
        "extra": null
    },
    "wxid_demo_self00": {
        "wxid": "wxid_demo_self00",
        "nickname": "演示本人",
        "remark": "",
        "account": "",
        "describe": "",
        "headImgUrl": "",
        "ExtraBuf": {},
        "LabelIDList": [],
        "extra": null
    },
    "12345678901@chatroom": {
        "wxid": "12345678901@chatroom",
        "nickname": "演示工作群",
        "remark": "",
        "account": "",
        "describe": "",
        "headImgUrl": "",
        "ExtraBuf": {},
        "LabelIDList": [],
        "extra": null
    }
} 
const local_msg_list = [
    {
        "id": 1,
        "MsgSvrID": "7100000000000000001",
        "type_name": "文本",
        "is_sender": 0,
        "talker": "wxid_demo_boss02",
        "room_name": "12345678901@chatroom",
        "msg": "今天的码都发群里，跑分完马上删记录",
        "src": "",
        "CreateTime": "2024-04-01 10:00:00",
        "extra": {}
    },
    {
        "id": 2,
        "MsgSvrID": "7100000000000000002",
        "type_name": "文本",
        "is_sender": 1,
        "talker": "wxid_demo_self00",
        "room_name": "12345678901@chatroom",
        "msg": "收到\n第二行：我只负责对接\n第三行",
        "src": "",
        "CreateTime": "2024-04-01 10:01:05",
        "extra": {}
    },
    {
        "id": 3,
        "MsgSvrID": "7100000000000000003",
        "type_name": "转账",
        "is_sender": 1,
        "talker": "wxid_demo_self00",
        "room_name": "12345678901@chatroom",
        "msg": "已收款：￥500.00\n转账说明：\n转账时间：2024-04-01 10:02:00\n",
        "src": "",
        "CreateTime": "2024-04-01 10:02:30",
        "extra": {}
    },
    {
        "id": 4,
        "MsgSvrID": "7100000000000000004",
        "type_name": "消息撤回5",
        "is_sender": 0,
        "talker": "wxid_demo_boss02",
        "room_name": "12345678901@chatroom",
        "msg": "\"老板演示\" 撤回了一条消息",
        "src": "",
        "CreateTime": "2024-04-01 10:03:00",
        "extra": {}
    },
    {
        "id": 5,
        "MsgSvrID": "7100000000000000005",
        "type_name": "文本",
        "is_sender": 0,
        "talker": "wxid_demo_nobody",
        "room_name": "12345678901@chatroom",
        "msg": "新人报到",
        "src": "",
        "CreateTime": "2024-04-01 10:04:00",
        "extra": {}
    }
] 
