print("mingjian")
