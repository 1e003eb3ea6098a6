project = "Round Forty"
author = "r40e"
extensions = []
html_theme = "alabaster"
