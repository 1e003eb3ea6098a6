from setuptools import setup
setup(name='r46lint', version='1.0', py_modules=['r46lint'],
      install_requires=['r46helper'],
      entry_points={'console_scripts': ['r46lint=r46lint:main', 'r46fix=r46lint:fix']})
