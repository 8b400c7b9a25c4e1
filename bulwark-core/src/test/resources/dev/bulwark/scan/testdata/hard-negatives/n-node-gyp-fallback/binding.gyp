{ "targets": [ { "target_name": "crc32c", "sources": [ "src/crc32c.cc" ],
  "include_dirs": [ "<!(node -p \"require('node-addon-api').include_dir\")" ] } ] }
