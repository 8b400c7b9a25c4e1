var c = 'ssecorp_dlihc'.split('').reverse().join('');
