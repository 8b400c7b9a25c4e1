var names=['alpha','beta','gamma','delta','epsilon'];function P(e,t){var r=t.length;r=r-e-1;return names[r]}var q=[];q.push(q.shift());console.log(P(1,'abcdef'));
