# test profile: bad line
caps.drop all
frobnicate everything
