-- Tarantool instance for the log workload.
-- usage: tarantool instance.lua NAME LISTEN_PORT CONSOLE_PORT [MASTER_PORT]
local name, port, cport, master = arg[1], arg[2], arg[3], arg[4]
local dir = '/work/round27/tarantool/data/' .. name
os.execute('mkdir -p ' .. dir)
local cfg = {
    listen = '127.0.0.1:' .. port,
    log = '/work/round27/tarantool/run.log',
    log_level = 6,
    work_dir = dir,
    memtx_dir = dir,
    wal_dir = dir,
    vinyl_dir = dir,
    pid_file = dir .. '/tarantool.pid',
    checkpoint_count = 2,
    readahead = 16320,
    net_msg_max = 768,
    vinyl_memory = 8 * 1024 * 1024,
    vinyl_cache = 1024 * 1024,
    vinyl_page_size = 1024,
    vinyl_range_size = 64 * 1024,
    too_long_threshold = 0.2,
    replication_timeout = 1,
    replication_connect_timeout = 5,
}
if master then
    cfg.replication = { 'repl:' .. (os.getenv('REPL_PASS') or 'replpass') .. '@127.0.0.1:' .. master }
    cfg.read_only = true
    cfg.replication_connect_quorum = 0
end
box.cfg(cfg)

box.once('schema_v1', function()
    box.schema.user.create('alice', { password = 'alicepw' })
    box.schema.user.create('bob', { password = 'bobpw' })
    box.schema.user.create('repl', { password = 'replpass' })
    box.schema.user.grant('repl', 'replication')
    local kv = box.schema.space.create('kv', { engine = 'memtx' })
    kv:format({ { 'k', 'string' }, { 'v', 'any' }, { 'n', 'unsigned', is_nullable = true } })
    kv:create_index('pk', { parts = { 'k' } })
    kv:create_index('byn', { parts = { 'n' }, unique = false })
    local ev = box.schema.space.create('events', { engine = 'vinyl' })
    ev:create_index('pk', { parts = { 1, 'unsigned' } })
    ev:create_index('who', { parts = { 2, 'string' }, unique = false })
    box.schema.user.grant('alice', 'read,write', 'space', 'kv')
    box.schema.user.grant('alice', 'read,write', 'space', 'events')
    box.schema.user.grant('bob', 'read', 'space', 'kv')
    box.schema.func.create('kv_count')
    box.schema.user.grant('alice', 'execute', 'function', 'kv_count')
end)

function kv_count() return box.space.kv:count() end
function slow(t) require('fiber').sleep(t or 0.3) return true end
function boom() error('boom requested') end

-- the console port may be briefly taken by someone's outgoing connection: retry quietly
local console = require('console')
for _ = 1, 40 do
    if pcall(console.listen, '127.0.0.1:' .. cport) then break end
    require('fiber').sleep(0.25)
end
