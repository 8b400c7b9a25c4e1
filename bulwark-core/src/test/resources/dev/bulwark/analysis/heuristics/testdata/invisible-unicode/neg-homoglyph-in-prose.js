@miniclass MouseEvent (Event objects)
@property containerPoint: Point
Pixel coordinates of the point relative to the map сontainer.
const x = require('y');
