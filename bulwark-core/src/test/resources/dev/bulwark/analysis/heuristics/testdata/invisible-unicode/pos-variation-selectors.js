const s = "󠄀󠄁󠄂";
