return {"only_one_value"}
