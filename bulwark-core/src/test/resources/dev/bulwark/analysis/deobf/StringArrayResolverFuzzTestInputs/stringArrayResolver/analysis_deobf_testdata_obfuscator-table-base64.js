var _0x12ab=['y2HPBgrFChjVy2vZCW','bG9n','ZXhlYw==','aG9tZWRpcg==','cGxhdGZvcm0='];
