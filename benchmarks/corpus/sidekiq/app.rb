# Worker classes loaded by sidekiq -r ./app.rb (no logging of their own).
require "sidekiq"
Redis.silence_deprecations = true

Sidekiq.configure_server do |config|
  config.redis = { url: ENV.fetch("REDIS_URL", "redis://127.0.0.1:25379/0"), network_timeout: 2 }
  config.average_scheduled_poll_interval = 2
end
Sidekiq.configure_client do |config|
  config.redis = { url: ENV.fetch("REDIS_URL", "redis://127.0.0.1:25379/0"), network_timeout: 2 }
end

class FastJob
  include Sidekiq::Worker
  sidekiq_options retry: 2
  def perform(n, label)
    sleep(rand * 0.05)
    n * 2
  end
end

class ReportJob
  include Sidekiq::Worker
  sidekiq_options queue: "reports", retry: 1
  def perform(account_id)
    sleep(rand * 0.3)
    raise ArgumentError, "account #{account_id} has no report data" if account_id % 7 == 0
  end
end

class FlakyJob
  include Sidekiq::Worker
  sidekiq_options retry: 1
  def perform(x)
    raise IOError, "upstream timed out for item #{x}" if rand < 0.5
  end
end

class BrokenJob
  include Sidekiq::Worker
  sidekiq_options retry: 0
  def perform(path)
    File.read(path)
  end
end

class NoRetryJob
  include Sidekiq::Worker
  sidekiq_options retry: false
  def perform(a, b)
    Integer(a) / Integer(b)
  end
end

class SlowJob
  include Sidekiq::Worker
  sidekiq_options queue: "low", retry: 1
  def perform(secs)
    sleep(secs)
  end
end

class HookedJob
  include Sidekiq::Worker
  sidekiq_options retry: 0
  sidekiq_retries_exhausted do |msg, ex|
    raise "cleanup failed for #{msg["jid"]}" if msg["args"].first.odd?
  end
  def perform(n)
    raise KeyError, "missing key k#{n}"
  end
end

class QuietJob
  include Sidekiq::Worker
  sidekiq_options log_level: :warn
  def perform
    sleep(rand * 0.02)
  end
end
