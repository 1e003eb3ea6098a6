from rq import cron
from tasks import tick, hello, fail

cron.register(tick, 'default', interval=20)
cron.register(hello, 'low', kwargs={'name': 'cron'}, interval=30)
cron.register(fail, 'low', args=('cron failure',), interval=40)
cron.register(tick, 'high', cron='* * * * *')
