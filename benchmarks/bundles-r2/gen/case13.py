# r2-case13: risk-svc falls back to manual review; origin: the external RiskShield scoring API returns 503/timeouts.
# Evidence: JSON logs only (.NET 8, Serilog compact JSON).
import json
from common import *

c = Case(13, "risk-svc",
         "[FIRING:1] RiskSvcFallbackRateHigh (service=risk-svc namespace=risk severity=page): 79% of /v2/assess requests fell back to manual review (> 5%) for 15m",
         ["risk-svc", "riskshield-api", "risk-db"], "2026-09-09T13:20:00Z")
r = c.rng
T0, END = c.start, c.at
DEG = P("2026-09-09T12:47:20Z")
def fail_p(t):
    return 0.02 if t < DEG else 0.72
URI = "https://api.riskshield.io/v3/score"
def clef(t, mt, level=None, **props):
    o = {"@t": t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z", "@mt": mt}
    if level:
        o["@l"] = level
    o.update(props)
    return (t, json.dumps(o, separators=(",", ":")))
pods = ["risk-svc-7f8b9c6d54-2pwxk", "risk-svc-7f8b9c6d54-lq6ht"]
for p in pods:
    L = []
    conn = "0HN6" + hexid(r, 9).upper()
    state = "closed"
    open_until = None
    attempts = []  # (t, failed)
    req_n = 0
    def record(t, failed):
        attempts.append((t, failed))
    for t in poisson_times(r, T0, END, lambda t: 0.12):
        req_n += 1
        rid = f"{conn}:{req_n:08X}"
        aid = f"as_{hexid(r, 16)}"
        base = {"RequestId": rid, "RequestPath": "/v2/assess", "ConnectionId": conn}
        cur = t
        # circuit state transitions
        if state == "open" and cur >= open_until:
            state = "half-open"
            L.append(clef(cur, "Resilience event occurred. EventName: '{EventName}', Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}'",
                          "Warning", EventName="OnCircuitHalfOpened", PipelineName="riskshield-standard", PipelineInstance="", StrategyName="Standard-CircuitBreaker",
                          OperationKey=None, Result=None, EventId={"Id": 0, "Name": "ResilienceEvent"}, SourceContext="Polly", **base))
        outcome = "ok"
        total_ms = r.uniform(4, 12)
        if state == "open":
            outcome = "broken"
        else:
            for attempt in range(3 if state == "closed" else 1):
                failed = r.random() < fail_p(cur)
                if failed:
                    kind = r.choice(["503", "503", "timeout"])
                    el = r.uniform(30, 220) if kind == "503" else 5000.0 + r.uniform(0, 3)
                    cur = cur + dt.timedelta(milliseconds=el)
                    total_ms += el
                    res = "503" if kind == "503" else "Polly.Timeout.TimeoutRejectedException: The operation didn't complete within the allowed timeout of '00:00:05'."
                    L.append(clef(cur, "Execution attempt. Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}', Handled: '{Handled}', Attempt: '{Attempt}', Execution Time: {ExecutionTimeMs}ms",
                                  "Warning", PipelineName="riskshield-standard", PipelineInstance="", StrategyName="Standard-Retry", OperationKey=None,
                                  Result=res, Handled=True, Attempt=attempt, ExecutionTimeMs=round(el, 4), EventId={"Id": 3, "Name": "ExecutionAttempt"}, SourceContext="Polly", **base))
                    record(cur, True)
                    # circuit evaluation
                    window = [f for (x, f) in attempts if x > cur - dt.timedelta(seconds=30)]
                    if state == "half-open" or (len(window) >= 10 and sum(window) / len(window) >= 0.5 and state == "closed"):
                        state = "open"
                        open_until = cur + dt.timedelta(seconds=30)
                        L.append(clef(cur, "Resilience event occurred. EventName: '{EventName}', Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}'",
                                      "Error", EventName="OnCircuitOpened", PipelineName="riskshield-standard", PipelineInstance="", StrategyName="Standard-CircuitBreaker",
                                      OperationKey=None, Result=res, EventId={"Id": 0, "Name": "ResilienceEvent"}, SourceContext="Polly", **base))
                        outcome = "failed"
                        break
                    if attempt < 2:
                        delay = [2000, 4000][attempt] * r.uniform(0.8, 1.2)
                        L.append(clef(cur, "Resilience event occurred. EventName: '{EventName}', Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}'",
                                      "Warning", EventName="OnRetry", PipelineName="riskshield-standard", PipelineInstance="", StrategyName="Standard-Retry",
                                      OperationKey=None, Result=res, EventId={"Id": 0, "Name": "ResilienceEvent"}, SourceContext="Polly", **base))
                        cur = cur + dt.timedelta(milliseconds=delay)
                        total_ms += delay
                    outcome = "failed"
                else:
                    el = r.uniform(35, 160)
                    cur = cur + dt.timedelta(milliseconds=el)
                    total_ms += el
                    record(cur, False)
                    if state == "half-open":
                        state = "closed"
                        L.append(clef(cur, "Resilience event occurred. EventName: '{EventName}', Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}'",
                                      None, EventName="OnCircuitClosed", PipelineName="riskshield-standard", PipelineInstance="", StrategyName="Standard-CircuitBreaker",
                                      OperationKey=None, Result="200", EventId={"Id": 0, "Name": "ResilienceEvent"}, SourceContext="Polly", **base))
                    outcome = "ok"
                    break
        if outcome == "ok":
            L.append(clef(cur, "Assessment {AssessmentId} scored {Score} by RiskShield ({Decision})", None, AssessmentId=aid,
                          Score=r.randint(3, 88), Decision=r.choice(["approve", "approve", "approve", "review"]), SourceContext="Acme.Risk.Services.RiskAssessmentService", **base))
            st = 200
        else:
            if outcome == "broken":
                ex = ("Polly.CircuitBreaker.BrokenCircuitException: The circuit is now open and is not allowing calls.\n"
                      "   at Polly.Outcome`1.GetResultOrRethrow()\n"
                      "   at Microsoft.Extensions.Http.Resilience.ResilienceHandler.SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)\n"
                      "   at Acme.Risk.Clients.RiskShieldClient.ScoreAsync(ScoreRequest request, CancellationToken ct) in /src/Acme.Risk/Clients/RiskShieldClient.cs:line 48\n"
                      "   at Acme.Risk.Services.RiskAssessmentService.AssessAsync(AssessmentRequest request, CancellationToken ct) in /src/Acme.Risk/Services/RiskAssessmentService.cs:line 71")
            else:
                ex = ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).\n"
                      "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n"
                      "   at Acme.Risk.Clients.RiskShieldClient.ScoreAsync(ScoreRequest request, CancellationToken ct) in /src/Acme.Risk/Clients/RiskShieldClient.cs:line 52\n"
                      "   at Acme.Risk.Services.RiskAssessmentService.AssessAsync(AssessmentRequest request, CancellationToken ct) in /src/Acme.Risk/Services/RiskAssessmentService.cs:line 71")
            L.append(clef(cur, "RiskShield unavailable for assessment {AssessmentId}, falling back to manual review", "Warning", AssessmentId=aid,
                          **{"@x": ex}, SourceContext="Acme.Risk.Services.RiskAssessmentService", **base))
            st = 200
        L.append(clef(cur + dt.timedelta(milliseconds=1.5), "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", None,
                      RequestMethod="POST", StatusCode=st, Elapsed=round(total_ms + 2.1, 4), SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", **base))
        if r.random() < 0.04:
            L.append(clef(t + dt.timedelta(milliseconds=3), "The query uses a row limiting operator ('Skip'/'Take') without an 'OrderBy' operator. This may lead to unpredictable results. If the 'Distinct' operator is used after 'OrderBy', then make sure to use the 'OrderBy' operator after 'Distinct' as the ordering would otherwise get erased.",
                          "Warning", EventId={"Id": 10102, "Name": "Microsoft.EntityFrameworkCore.Query.RowLimitingOperationWithoutOrderByWarning"},
                          SourceContext="Microsoft.EntityFrameworkCore.Query", **base))
    # health checks of risk-db are fine
    t = T0 + dt.timedelta(seconds=r.randint(0, 30))
    while t < END:
        L.append(clef(t, "Health check {HealthCheckName} with status {HealthStatus} completed after {ElapsedMilliseconds}ms with message '{HealthCheckDescription}'", "Debug",
                      HealthCheckName="risk-db", HealthStatus="Healthy", ElapsedMilliseconds=round(r.uniform(1.1, 4.0), 4), HealthCheckDescription=None,
                      EventId={"Id": 103, "Name": "HealthCheckEnd"}, SourceContext="Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", MachineName=p, Application="risk-svc"))
        t += dt.timedelta(seconds=60, milliseconds=r.randint(-40, 40))
    c.write_log(f"logs/risk-svc/{p}.jsonl", L)
c.bundle_yaml()
c.expected("dependency_failure", "riskshield-api",
           "From 12:47 the external RiskShield scoring API (api.riskshield.io) answers most calls with 503 or does not "
           "answer within the 5 s attempt timeout; risk-svc's Polly pipeline retries, then opens its circuit breaker "
           "repeatedly, and assessments fall back to manual review. risk-svc itself, its database health checks and its "
           "request handling are fine; the EF Core row-limiting warnings are present before and after and are unrelated.")
