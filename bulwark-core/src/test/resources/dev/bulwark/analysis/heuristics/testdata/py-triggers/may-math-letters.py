import 𝗿𝗲𝙦𝘂𝙚𝘀𝘁𝘀
𝗿𝗲𝙦𝘂𝙚𝘀𝘁𝘀.get(URL)
