local result = {}
local n = redis.call("DBSIZE")
table.insert(result, "keys_total")
table.insert(result, tostring(n))
local q = redis.call("LLEN", "queue:jobs")
table.insert(result, "queue_length")
table.insert(result, tostring(q))
return result
