"""`aiops serve`: the service front door over the same runtime as the CLI.

Alerts arrive by webhook (`intake`), investigations run in worker processes that take jobs from a
bounded queue (`jobqueue`, `workers`, `advance`), every step is written to an event log that the
browser reads as Server-Sent Events (`events`), and people decide in the browser, through the API
or in Slack (`decide`, `slack`) through the runtime's bound, single-use, expiring approvals.
"""
