-- net.box client: random operations against one instance.
-- usage: tarantool client.lua PORT USER PASSWORD NOPS SEED
local netbox = require('net.box')
local fiber = require('fiber')
local port, user, pass, nops, seed = arg[1], arg[2], arg[3], tonumber(arg[4]), tonumber(arg[5])
math.randomseed(seed)
local uri = user == 'guest' and ('127.0.0.1:' .. port) or (user .. ':' .. pass .. '@127.0.0.1:' .. port)
local c = netbox.connect(uri, { connect_timeout = 3, wait_connected = 3 })
if not c:is_connected() then
    print('connect failed: ' .. tostring(c.error))
    os.exit(0)
end
local function rk() return 'k' .. math.random(1, 300) end
local ops = {
    function() return c.space.kv:replace({ rk(), 'v' .. math.random(1e6), math.random(1, 50) }) end,
    function() return c.space.kv:insert({ rk(), 'x', math.random(1, 50) }) end,
    function() return c.space.kv:select({ rk() }) end,
    function() return c.space.kv.index.byn:select({ math.random(1, 50) }, { limit = 5 }) end,
    function() return c.space.kv:update(rk(), { { '=', 2, 'upd' }, { '=', 3, math.random(1, 50) } }) end,
    function() return c.space.kv:upsert({ rk(), 'ups', 1 }, { { '+', 3, 1 } }) end,
    function() return c.space.kv:delete(rk()) end,
    function() return c.space.events:replace({ math.random(1, 100000), 'u' .. math.random(1, 20), string.rep('p', math.random(10, 400)) }) end,
    function() return c.space.events.index.who:select({ 'u' .. math.random(1, 20) }, { limit = 3 }) end,
    function() return c.space.events:select({ math.random(1, 100000) }, { iterator = 'GE', limit = 10 }) end,
    function() return c:call('kv_count') end,
    function() return c:call('no_such_function') end,
    function() return c:eval('return 1 + ') end,
    function() return c:eval('return box.info.status') end,
    function() return c:call('boom') end,
    function() return c:call('slow', { math.random() * 0.3 }) end,
    function() return c.space.kv:insert({ 42 }) end,
    function() return c.space.kv:update('k1', { { '+', 2, 'x' } }) end,
    function() return c:ping() end,
    function() return c:execute('SELECT COUNT(*) FROM "kv"') end,
    function() return c:execute('SELEKT nothing') end,
}
local ok_n, err_n = 0, 0
for i = 1, nops do
    local f = ops[math.random(#ops)]
    local ok, err = pcall(f)
    if ok then ok_n = ok_n + 1 else err_n = err_n + 1 end
    if math.random() < 0.05 then fiber.sleep(math.random() * 0.05) end
end
print(string.format('client %s: %d ok %d err', user, ok_n, err_n))
c:close()
os.exit(0)
