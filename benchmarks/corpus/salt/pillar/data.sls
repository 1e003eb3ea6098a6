r31h:
  color: blue
  size: 3
