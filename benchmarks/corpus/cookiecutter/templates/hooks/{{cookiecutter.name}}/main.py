x = "{{ cookiecutter.name }}"
