value = {{ cookiecutter.name 
