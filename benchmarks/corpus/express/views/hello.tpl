hello {who}
