# Client: pushes a random mix of jobs.  usage: ruby enqueue.rb COUNT
require_relative "app"
r = Random.new
count = Integer(ARGV[0] || 20)
count.times do
  case r.rand(100)
  when 0...55 then FastJob.perform_async(r.rand(1000), %w[a b c d].sample(random: r))
  when 55...63 then ReportJob.perform_async(r.rand(200))
  when 63...69 then FlakyJob.perform_async(r.rand(500))
  when 69...72 then BrokenJob.perform_async("/tmp/round31-r31f/sidekiq/missing-#{r.rand(99)}.csv")
  when 72...76 then NoRetryJob.perform_async(r.rand(10).to_s, r.rand(3).to_s)
  when 76...82 then SlowJob.perform_async(r.rand * 2)
  when 82...84 then HookedJob.perform_async(r.rand(10))
  when 84...90 then QuietJob.perform_async
  when 90...95 then FastJob.perform_in(r.rand(1..4), 1, "later")
  when 95...97
    Sidekiq::Client.push("class" => "GhostJob", "args" => [r.rand(9)], "retry" => false)
  else
    Sidekiq.redis { |c| c.lpush("queue:default", ["{not json", "[1,2", "{\"class\":"].sample(random: r)) }
  end
end
