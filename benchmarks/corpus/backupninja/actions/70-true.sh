when = hourly
true
