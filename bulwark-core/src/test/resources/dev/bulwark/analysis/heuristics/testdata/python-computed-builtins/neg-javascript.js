const s = oct.__str__()[3];
