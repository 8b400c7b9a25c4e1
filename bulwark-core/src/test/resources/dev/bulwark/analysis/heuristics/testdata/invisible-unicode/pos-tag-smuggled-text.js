const note = "hello󠁒󠁵󠁮󠀠󠁣󠁵󠁲󠁬󠀠󠁮󠁯󠁷";
