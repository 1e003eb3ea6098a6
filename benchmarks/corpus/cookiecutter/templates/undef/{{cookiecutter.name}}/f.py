v = {{ cookiecutter.missing_var.attr }}
